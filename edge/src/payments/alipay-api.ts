import { type KeyObject, sign, verify } from 'node:crypto';
import type { Payment, Refund } from '../contracts/index.ts';
import { alipaySigningString } from './alipay-signing.ts';
import { majorUnits } from './minor-units.ts';
import type { OpenRequest, RefundAnswer, RefundRequest, RefundStanding } from './provider.ts';
import { PROVIDER_TIMEOUT_MS, ProviderRefused, ProviderUnavailable } from './provider-errors.ts';

/** The app's side of Alipay's open platform: its signing key and the gateway it calls. */
export interface AlipayApp {
  appId: string;
  privateKey: KeyObject;
  /** Alipay's public key: its answers are signed with it. */
  publicKey: KeyObject;
  /** `https://openapi.alipay.com/gateway.do`, or a stand-in. */
  gateway: string;
}

/** Alipay writes its times in Beijing time, `yyyy-MM-dd HH:mm:ss`. */
const beijing = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** A request's parameters with their RSA2 signature: SHA256withRSA over the sorted parameters, as Alipay documents. */
export function signedAlipayParams(app: Pick<AlipayApp, 'appId' | 'privateKey'>, method: string, biz: object, now: Date, notifyUrl?: string): URLSearchParams {
  const params = new URLSearchParams({
    app_id: app.appId, method, format: 'JSON', charset: 'utf-8', sign_type: 'RSA2', timestamp: beijing(now), version: '1.0',
    ...(notifyUrl ? { notify_url: notifyUrl } : {}), biz_content: JSON.stringify(biz),
  });
  params.set('sign', sign('sha256', Buffer.from(alipaySigningString(params, 'request'), 'utf8'), app.privateKey).toString('base64'));
  return params;
}

/**
 * The part of an answer Alipay signs: the `{method}_response` value exactly as sent, which
 * runs up to the `sign` member that follows it.
 */
export function signedPart(text: string, node: string): string | null {
  const key = `"${node}":`;
  const start = text.indexOf(key);
  const end = text.lastIndexOf(',"sign"');
  return start < 0 || end < start ? null : text.slice(start + key.length, end).trim();
}

async function call(app: AlipayApp, method: string, biz: object, now: Date, notifyUrl?: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    const response = await fetch(app.gateway, {
      method: 'POST', body: signedAlipayParams(app, method, biz, now, notifyUrl).toString(), signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', accept: 'application/json' },
    });
    text = await response.text();
  } catch {
    throw new ProviderUnavailable('alipay', 'not reached');
  }
  const node = `${method.replaceAll('.', '_')}_response`;
  const part = signedPart(text, node);
  let answer: { sign?: unknown } & Record<string, unknown>;
  try { answer = JSON.parse(text) as typeof answer; } catch { throw new ProviderUnavailable('alipay', 'an unreadable answer'); }
  let ok = false;
  try { ok = part !== null && typeof answer.sign === 'string' && verify('sha256', Buffer.from(part, 'utf8'), app.publicKey, Buffer.from(answer.sign, 'base64')); } catch { ok = false; }
  if (!ok) throw new ProviderUnavailable('alipay', 'an answer whose signature did not verify');
  const body = answer[node] as Record<string, unknown> | undefined;
  if (!body || body.code !== '10000') throw new ProviderRefused('alipay', String(body?.sub_code ?? body?.code ?? 'NO_ANSWER'), String(body?.sub_msg ?? body?.msg ?? ''));
  return body;
}

/** A QR code payment (`alipay.trade.precreate`): the answer's `qr_code` is where the payer pays. */
export async function openPrecreate(app: AlipayApp, payment: Payment, request: OpenRequest): Promise<{ payAt: string }> {
  const answer = await call(app, 'alipay.trade.precreate', {
    out_trade_no: payment.tradeNo, total_amount: majorUnits(payment.amount, 'CNY'), subject: request.description.slice(0, 256),
  }, request.now, `${request.notifyUrl}/alipay`);
  if (typeof answer.qr_code !== 'string' || answer.qr_code.length > 1000) throw new ProviderUnavailable('alipay', 'no qr_code in the answer');
  return { payAt: answer.qr_code };
}

/** A refund (`alipay.trade.refund`): Alipay answers at once; `fund_change` Y is money moved by this request. */
export async function refundAtAlipay(app: AlipayApp, payment: Payment, refund: Refund, request: RefundRequest): Promise<RefundAnswer> {
  const answer = await call(app, 'alipay.trade.refund', {
    out_trade_no: payment.tradeNo, refund_amount: majorUnits(refund.amount, 'CNY'), out_request_no: refund.id, refund_reason: refund.reason.slice(0, 256),
  }, request.now);
  const reference = typeof answer.trade_no === 'string' ? answer.trade_no.slice(0, 64) : null;
  return { outcome: answer.fund_change === 'Y' ? 'done' : 'requested', reference };
}

/**
 * How a refund stands (`alipay.trade.fastpay.refund.query`, by the refund's request number):
 * an answer naming the refund with `refund_status` REFUND_SUCCESS (or none, as Alipay documents
 * for older refunds) is done; an answer that does not name it means Alipay has not refunded it
 * (yet): still under way until the checks run out. A trade Alipay does not know failed.
 */
export async function queryAlipayRefund(app: AlipayApp, payment: Payment, refund: Refund, now: Date): Promise<RefundStanding> {
  let answer: Record<string, unknown>;
  try {
    answer = await call(app, 'alipay.trade.fastpay.refund.query', { out_trade_no: payment.tradeNo, out_request_no: refund.id, query_options: ['gmt_refund_pay'] }, now);
  } catch (error) {
    const code = error instanceof ProviderRefused ? (error.details as { code?: string }).code : undefined;
    if (code === 'ACQ.TRADE_NOT_EXIST') return { outcome: 'failed', reference: null, failure: code };
    throw error;
  }
  const reference = typeof answer.trade_no === 'string' ? answer.trade_no.slice(0, 64) : null;
  const named = answer.out_request_no === refund.id && typeof answer.refund_amount === 'string';
  if (named && (answer.refund_status === undefined || answer.refund_status === '' || answer.refund_status === 'REFUND_SUCCESS')) return { outcome: 'done', reference };
  return { outcome: 'processing', reference };
}
