import { type KeyObject, randomBytes, sign } from 'node:crypto';
import type { Payment, Refund } from '../contracts/index.ts';
import type { OpenRequest, RefundAnswer, RefundRequest, RefundStanding } from './provider.ts';
import { PROVIDER_TIMEOUT_MS, ProviderRefused, ProviderUnavailable } from './provider-errors.ts';
import { verifySignedHeaders } from './signed-headers.ts';

/** The merchant's side of WeChat Pay v3: who calls, with which key, and where. */
export interface WechatMerchant {
  mchid: string;
  /** The app (official account, mini program) the payments are made in. */
  appid: string;
  /** The serial number of the merchant's API certificate: WeChat finds the merchant's public key by it. */
  serial: string;
  privateKey: KeyObject;
  /** `https://api.mch.weixin.qq.com`, or a stand-in. */
  api: string;
}

/**
 * The `Authorization` header of a WeChat Pay v3 request: SHA256withRSA with the merchant's key
 * over `method\nurl\ntimestamp\nnonce\nbody\n` (url: the path with its query), as WeChat documents.
 */
export function wechatAuthorization(merchant: Pick<WechatMerchant, 'mchid' | 'serial' | 'privateKey'>, method: string, url: string, body: string, now: Date, nonce = randomBytes(16).toString('hex').toUpperCase()): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = sign('sha256', Buffer.from(`${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`, 'utf8'), merchant.privateKey).toString('base64');
  return `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${merchant.serial}"`;
}

/** One signed call; the answer (a refusal too) is believed only once the platform's signature on it checks. */
async function call(merchant: WechatMerchant, keys: ReadonlyMap<string, KeyObject>, path: string, payload: object | null, now: Date): Promise<Record<string, unknown>> {
  const url = new URL(`${merchant.api.replace(/\/$/, '')}${path}`);
  // A GET signs an empty body.
  const method = payload === null ? 'GET' : 'POST';
  const body = payload === null ? '' : JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(url, {
      method, ...(payload === null ? {} : { body }), signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      headers: {
        authorization: wechatAuthorization(merchant, method, url.pathname + url.search, body, now), accept: 'application/json', 'user-agent': 'Doorside',
        ...(payload === null ? {} : { 'content-type': 'application/json' }),
      },
    });
  } catch {
    throw new ProviderUnavailable('wechat', 'not reached');
  }
  const text = await response.text();
  try {
    verifySignedHeaders({ headers: Object.fromEntries(response.headers), body: text }, now, { prefix: 'Wechatpay', provider: 'wechat' }, keys);
  } catch {
    throw new ProviderUnavailable('wechat', `an answer (${response.status}) whose signature did not verify`);
  }
  let answer: Record<string, unknown>;
  try { answer = JSON.parse(text) as Record<string, unknown>; } catch { throw new ProviderUnavailable('wechat', 'an unreadable answer'); }
  if (!response.ok) throw new ProviderRefused('wechat', String(answer.code ?? response.status), String(answer.message ?? ''));
  return answer;
}

/** Native payment (a QR code the payer scans): the answer's `code_url` is where they pay. */
export async function openNative(merchant: WechatMerchant, keys: ReadonlyMap<string, KeyObject>, payment: Payment, request: OpenRequest): Promise<{ payAt: string }> {
  const answer = await call(merchant, keys, '/v3/pay/transactions/native', {
    appid: merchant.appid, mchid: merchant.mchid,
    description: Buffer.from(request.description).subarray(0, 127).toString('utf8').replace(/\uFFFD$/, ''),
    out_trade_no: payment.tradeNo, notify_url: `${request.notifyUrl}/wechat`,
    amount: { total: payment.amount, currency: payment.currency },
  }, request.now);
  if (typeof answer.code_url !== 'string' || answer.code_url.length > 1000) throw new ProviderUnavailable('wechat', 'no code_url in the answer');
  return { payAt: answer.code_url };
}

/** A refund (`/v3/refund/domestic/refunds`): SUCCESS is done; PROCESSING is under way, confirmed later. */
export async function refundAtWechat(merchant: WechatMerchant, keys: ReadonlyMap<string, KeyObject>, payment: Payment, refund: Refund, request: RefundRequest): Promise<RefundAnswer> {
  const answer = await call(merchant, keys, '/v3/refund/domestic/refunds', {
    out_trade_no: payment.tradeNo, out_refund_no: outRefundNo(payment, refund), reason: refund.reason.slice(0, 80),
    notify_url: `${request.notifyUrl}/wechat`,
    amount: { refund: refund.amount, total: payment.received ?? payment.amount, currency: payment.currency },
  }, request.now);
  const status = String(answer.status ?? '');
  const reference = typeof answer.refund_id === 'string' ? answer.refund_id.slice(0, 64) : null;
  if (status === 'SUCCESS') return { outcome: 'done', reference };
  if (status === 'PROCESSING') return { outcome: 'requested', reference };
  throw new ProviderRefused('wechat', status || 'UNKNOWN_STATUS', 'the refund was not accepted');
}

/** Our number for a refund at WeChat Pay: the site's, then the refund's (`demo_R-3`). */
export const outRefundNo = (payment: Payment, refund: Refund) => `${payment.tradeNo.split('_P-')[0]}_${refund.id}`;

/**
 * How a refund stands (`GET /v3/refund/domestic/refunds/{out_refund_no}`): SUCCESS is done;
 * ABNORMAL and CLOSED failed (the status is the code); PROCESSING is still under way. A refund
 * WeChat Pay does not know (RESOURCE_NOT_EXISTS) never started: failed with that code.
 */
export async function queryWechatRefund(merchant: WechatMerchant, keys: ReadonlyMap<string, KeyObject>, payment: Payment, refund: Refund, now: Date): Promise<RefundStanding> {
  let answer: Record<string, unknown>;
  try {
    answer = await call(merchant, keys, `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo(payment, refund))}`, null, now);
  } catch (error) {
    if (error instanceof ProviderRefused && (error.details as { code?: string }).code === 'RESOURCE_NOT_EXISTS') return { outcome: 'failed', reference: null, failure: 'RESOURCE_NOT_EXISTS' };
    throw error;
  }
  const status = String(answer.status ?? '');
  const reference = typeof answer.refund_id === 'string' ? answer.refund_id.slice(0, 64) : null;
  if (status === 'SUCCESS') return { outcome: 'done', reference };
  if (status === 'PROCESSING') return { outcome: 'processing', reference };
  return { outcome: 'failed', reference, failure: status || 'UNKNOWN_STATUS' };
}
