import { type KeyObject, verify } from 'node:crypto';
import type { PaymentNotice } from '../contracts/index.ts';
import { NoticeRefused } from './notice-refused.ts';
import { type AlipayApp, openPrecreate, queryAlipayRefund, refundAtAlipay } from './alipay-api.ts';
import { alipaySigningString } from './alipay-signing.ts';
import type { NoticeRequest, PaymentProvider } from './provider.ts';

export { alipaySigningString };

export interface AlipaySettings {
  /** The app the notices are for; a notice for another app is refused. */
  appId: string;
  /** Alipay's public key (RSA2). */
  publicKey: KeyObject;
  /** The app's own signing key and the gateway, for opening payments and refunds; absent: notices only. */
  app?: { privateKey: KeyObject; gateway: string };
}

/** "12.30" yuan → 1230 fen, exactly (no floating point). */
export function yuanToFen(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Alipay writes its times in Beijing time, `yyyy-MM-dd HH:mm:ss`. */
function beijing(text: string | null, now: Date): string {
  const match = text && /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text);
  return match ? new Date(`${match[1]}T${match[2]}+08:00`).toISOString() : now.toISOString();
}

const PAID = new Set(['TRADE_SUCCESS', 'TRADE_FINISHED']);

const app = (settings: AlipaySettings): AlipayApp => ({ appId: settings.appId, publicKey: settings.publicKey, ...settings.app! });

/** Alipay: asynchronous notifications (form-encoded POST, RSA2-signed, answered `success`) and, with the app's key, payments and refunds. */
export function alipay(settings: AlipaySettings): PaymentProvider {
  return {
    id: 'alipay',
    received: { status: 200, type: 'text/plain', body: 'success' },
    refunds: 'requested',
    payUrl: (payment) => payment.payAt ?? null,
    ...(settings.app ? {
      open: (payment, request) => openPrecreate(app(settings), payment, request),
      refund: (payment, refund, request) => refundAtAlipay(app(settings), payment, refund, request),
      queryRefund: (payment, refund, now) => queryAlipayRefund(app(settings), payment, refund, now),
    } satisfies Pick<PaymentProvider, 'open' | 'refund' | 'queryRefund'> : {}),
    verify(request: NoticeRequest, now: Date): PaymentNotice {
      const params = new URLSearchParams(request.body);
      const sign = params.get('sign');
      if (!sign || params.get('sign_type') !== 'RSA2') throw new NoticeRefused('MISSING_HEADERS', 'alipay');
      let ok = false;
      try { ok = verify('sha256', Buffer.from(alipaySigningString(params), 'utf8'), settings.publicKey, Buffer.from(sign, 'base64')); } catch { ok = false; }
      if (!ok) throw new NoticeRefused('BAD_SIGNATURE', 'alipay');
      if (params.get('app_id') !== settings.appId) throw new NoticeRefused('WRONG_APP', 'alipay');
      const tradeNo = params.get('out_trade_no');
      const status = params.get('trade_status') ?? '';
      const amount = yuanToFen(params.get('total_amount') ?? '');
      const transaction = params.get('trade_no') ?? '';
      if (!tradeNo || amount === null || tradeNo.length > 64 || transaction.length > 64) throw new NoticeRefused('UNREADABLE', 'alipay');
      return {
        provider: 'alipay',
        event: PAID.has(status) ? 'paid' : 'other',
        key: `${transaction || params.get('notify_id')}:${status}`.slice(0, 160),
        tradeNo,
        transaction,
        amount,
        currency: 'CNY',
        at: beijing(params.get('gmt_payment') ?? params.get('notify_time'), now),
      };
    },
  };
}
