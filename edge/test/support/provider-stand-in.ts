import { type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * WeChat Pay's and Alipay's servers as the tests play them, on 127.0.0.1: each request's
 * signature is checked with the merchant's (the app's) public key exactly as the providers
 * document, and each answer is signed with the provider's own key as the providers do.
 */
export interface StandIn {
  url: string;
  /** Requests whose signature checked, as received: path (or Alipay method) and body. */
  seen: { path: string; body: Record<string, unknown>; authorization?: string }[];
  /** Requests refused for their signature. */
  refused: number;
  /** What the stand-in does next: answer normally, sign its answers with another key, or refuse refunds. */
  mode: 'normal' | 'forged-answers' | 'refuse-refunds';
  /** The merchant's public key the stand-in checks WeChat requests with (a test may swap it). */
  merchantPublicKey: KeyObject;
  /**
   * How the next refunds go: answered PROCESSING (WeChat Pay; Alipay: `fund_change` N) and
   * still so for the first `processingFor` queries, then `then`. Default: SUCCESS at once.
   */
  refundPlan: { processingFor: number; then: 'SUCCESS' | 'ABNORMAL' | 'CLOSED' | 'PROCESSING' };
  /** Each refund asked, by our refund number: its plan, the queries answered, its status now. */
  refunds: Map<string, { left: number; then: string; status: string; refundId: string; queries: number; amount: Record<string, unknown>; outTradeNo: string }>;
  close(): Promise<void>;
}

export interface StandInKeys {
  merchantPublicKey: KeyObject;
  wechat: { privateKey: KeyObject; serial: string };
  alipay: { privateKey: KeyObject; appPublicKey: KeyObject };
  /** A key that is neither provider's, for forged answers. */
  stranger: KeyObject;
}

const read = (request: IncomingMessage) => new Promise<string>((resolve) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
});

/** `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"` → its fields. */
function authorizationFields(header: string | undefined): Record<string, string> | null {
  const match = header ? /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header) : null;
  if (!match) return null;
  return Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

export async function startStandIn(keys: StandInKeys, now: () => number = Date.now): Promise<StandIn> {
  const state: Omit<StandIn, 'url' | 'close'> = {
    seen: [], refused: 0, mode: 'normal', merchantPublicKey: keys.merchantPublicKey, refundPlan: { processingFor: 0, then: 'SUCCESS' }, refunds: new Map(),
  };
  /** A refund's status as a query finds it: PROCESSING while its plan says so, then how it ends. */
  const queried = (no: string) => {
    const refund = state.refunds.get(no);
    if (!refund) return undefined;
    refund.queries++;
    if (refund.status === 'PROCESSING') {
      if (refund.left > 0) refund.left--;
      else refund.status = refund.then;
    }
    return refund;
  };

  const wechatAnswer = (status: number, payload: object) => {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = randomBytes(16).toString('hex');
    const key = state.mode === 'forged-answers' ? keys.stranger : keys.wechat.privateKey;
    const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), key).toString('base64');
    return { status, body, headers: { 'content-type': 'application/json', 'Wechatpay-Timestamp': timestamp, 'Wechatpay-Nonce': nonce, 'Wechatpay-Signature': signature, 'Wechatpay-Serial': keys.wechat.serial } };
  };

  const wechat = (method: string, path: string, body: string, authorization: string | undefined) => {
    const fields = authorizationFields(authorization);
    const message = fields && `${method}\n${path}\n${fields.timestamp}\n${fields.nonce_str}\n${body}\n`;
    let ok = false;
    try { ok = !!fields && !!message && verify('sha256', Buffer.from(message, 'utf8'), state.merchantPublicKey, Buffer.from(fields.signature ?? '', 'base64')); } catch { ok = false; }
    if (!ok) {
      state.refused++;
      return wechatAnswer(401, { code: 'SIGN_ERROR', message: '签名错误' });
    }
    const payload = (method === 'GET' ? {} : JSON.parse(body)) as Record<string, unknown>;
    state.seen.push({ path, body: payload, ...(authorization ? { authorization } : {}) });
    const query = /^\/v3\/refund\/domestic\/refunds\/([^/?]+)$/.exec(path);
    if (method === 'GET' && query) {
      const refund = queried(decodeURIComponent(query[1]!));
      if (!refund) return wechatAnswer(404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' });
      return wechatAnswer(200, {
        refund_id: refund.refundId, out_refund_no: decodeURIComponent(query[1]!), out_trade_no: refund.outTradeNo, channel: 'ORIGINAL', status: refund.status,
        ...(refund.status === 'SUCCESS' ? { success_time: new Date(now()).toISOString().replace(/\.\d+Z$/, '+00:00') } : {}), amount: refund.amount,
      });
    }
    if (path === '/v3/pay/transactions/native') return wechatAnswer(200, { code_url: `weixin://wxpay/bizpayurl?pr=${randomBytes(4).toString('hex')}` });
    if (path === '/v3/refund/domestic/refunds') {
      if (state.mode === 'refuse-refunds') return wechatAnswer(403, { code: 'NOT_ENOUGH', message: '基本账户余额不足' });
      const amount = payload.amount as { refund: number; total: number; currency: string };
      const refundId = `50000000${randomBytes(6).toString('hex')}`;
      const { processingFor, then } = state.refundPlan;
      const status = processingFor === 0 && then === 'SUCCESS' ? 'SUCCESS' : 'PROCESSING';
      const full = { ...amount, payer_total: amount.total, payer_refund: amount.refund };
      state.refunds.set(String(payload.out_refund_no), { left: processingFor, then, status, refundId, queries: 0, amount: full, outTradeNo: String(payload.out_trade_no) });
      return wechatAnswer(200, {
        refund_id: refundId, out_refund_no: payload.out_refund_no, out_trade_no: payload.out_trade_no,
        channel: 'ORIGINAL', status, amount: full,
      });
    }
    return wechatAnswer(404, { code: 'RESOURCE_NOT_EXISTS', message: 'no such resource' });
  };

  const alipayRefund = (biz: Record<string, unknown>) => {
    const { processingFor, then } = state.refundPlan;
    const status = processingFor === 0 && then === 'SUCCESS' ? 'SUCCESS' : 'PROCESSING';
    const tradeNo = `2026120622001${randomBytes(6).toString('hex')}`;
    state.refunds.set(String(biz.out_request_no), { left: processingFor, then, status, refundId: tradeNo, queries: 0, amount: { refund_amount: biz.refund_amount }, outTradeNo: String(biz.out_trade_no) });
    return { code: '10000', msg: 'Success', trade_no: tradeNo, out_trade_no: biz.out_trade_no, refund_fee: biz.refund_amount, fund_change: status === 'SUCCESS' ? 'Y' : 'N' };
  };
  // A refund not (yet) made is answered without its details, as Alipay does.
  const alipayRefundQuery = (biz: Record<string, unknown>) => {
    const refund = queried(String(biz.out_request_no));
    return refund?.status === 'SUCCESS'
      ? { code: '10000', msg: 'Success', trade_no: refund.refundId, out_trade_no: biz.out_trade_no, out_request_no: biz.out_request_no, refund_amount: refund.amount.refund_amount, refund_status: 'REFUND_SUCCESS' }
      : { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no };
  };

  const alipay = (body: string) => {
    const params = new URLSearchParams(body);
    // A request signs every parameter but `sign`, sorted; `sign_type` included.
    const signing = [...params.entries()].filter(([k, v]) => k !== 'sign' && v !== '').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
    const method = params.get('method') ?? '';
    const node = `${method.replaceAll('.', '_')}_response`;
    let ok = false;
    try { ok = params.get('sign_type') === 'RSA2' && verify('sha256', Buffer.from(signing, 'utf8'), keys.alipay.appPublicKey, Buffer.from(params.get('sign') ?? '', 'base64')); } catch { ok = false; }
    const biz = JSON.parse(params.get('biz_content') ?? '{}') as Record<string, unknown>;
    let answer: Record<string, unknown>;
    if (!ok) {
      state.refused++;
      answer = { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' };
    } else {
      state.seen.push({ path: method, body: { ...Object.fromEntries(params), biz_content: biz } });
      answer = method === 'alipay.trade.precreate' ? { code: '10000', msg: 'Success', out_trade_no: biz.out_trade_no, qr_code: `https://qr.alipay.com/bax0${randomBytes(6).toString('hex')}` }
        : method === 'alipay.trade.refund' ? alipayRefund(biz)
          : method === 'alipay.trade.fastpay.refund.query' ? alipayRefundQuery(biz)
          : { code: '40004', msg: 'Business Failed', sub_code: 'ACQ.METHOD_NOT_SUPPORTED', sub_msg: 'no such method' };
    }
    const part = JSON.stringify(answer);
    const key = state.mode === 'forged-answers' ? keys.stranger : keys.alipay.privateKey;
    const signature = sign('sha256', Buffer.from(part, 'utf8'), key).toString('base64');
    return { status: 200, body: `{"${node}":${part},"sign":"${signature}"}`, headers: { 'content-type': 'application/json;charset=utf-8' } };
  };

  const server: Server = createServer(async (request, response) => {
    const body = await read(request);
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const answer = url.pathname === '/gateway.do' ? alipay(body) : wechat(request.method ?? 'GET', url.pathname + url.search, body, request.headers.authorization);
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
