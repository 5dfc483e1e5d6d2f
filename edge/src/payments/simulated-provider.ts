import { createPublicKey, type KeyObject, randomBytes, sign } from 'node:crypto';
import { z } from 'zod';
import { CurrencyCode, type Payment, type PaymentNotice } from '../contracts/index.ts';
import { NoticeRefused } from './notice-refused.ts';
import type { NoticeRequest, PaymentProvider } from './provider.ts';
import { verifySignedHeaders } from './signed-headers.ts';

/** The simulated provider's notice body: what a real provider would say, in the clear. */
export const SimulatedNotice = z.strictObject({
  id: z.string().max(64),
  event: z.enum(['PAID', 'CLOSED']),
  trade_no: z.string().min(1).max(64),
  transaction: z.string().min(1).max(64),
  amount: z.number().int().min(0),
  currency: CurrencyCode,
  paid_at: z.string().max(40),
});
export type SimulatedNotice = z.infer<typeof SimulatedNotice>;

/** The serial the simulated provider's key goes by: a digest of its public key, as providers name theirs. */
export const simulatedSerial = (publicKey: KeyObject) =>
  `SIM_${Buffer.from(publicKey.export({ type: 'spki', format: 'der' })).subarray(-12).toString('hex').toUpperCase()}`;

/**
 * The demo's and the tests' provider: the payer pays on its page on the gateway, and its
 * notices are signed with a key of its own and checked exactly as WeChat Pay's are.
 */
export function simulatedProvider(publicKey: KeyObject): PaymentProvider {
  const keys = new Map([[simulatedSerial(publicKey), publicKey]]);
  return {
    id: 'simulated',
    received: { status: 200, type: 'application/json', body: '{"code":"SUCCESS"}' },
    refunds: 'done',
    payUrl: (payment: Payment, base: string) => `${base}/pay/${encodeURIComponent(payment.tradeNo)}`,
    verify(request: NoticeRequest, now: Date): PaymentNotice {
      verifySignedHeaders(request, now, { prefix: 'Simpay', provider: 'simulated' }, keys);
      let body: SimulatedNotice;
      try { body = SimulatedNotice.parse(JSON.parse(request.body)); } catch { throw new NoticeRefused('UNREADABLE', 'simulated'); }
      return {
        provider: 'simulated', event: body.event === 'PAID' ? 'paid' : 'other', key: `${body.transaction}:${body.event}`,
        tradeNo: body.trade_no, transaction: body.transaction, amount: body.amount, currency: body.currency,
        at: Number.isNaN(Date.parse(body.paid_at)) ? now.toISOString() : new Date(body.paid_at).toISOString(),
      };
    },
  };
}

/** Signs a notice as the simulated provider sends it: headers and the exact body. */
export function signSimulatedNotice(privateKey: KeyObject, notice: SimulatedNotice, now: Date): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(notice);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`, 'utf8'), privateKey).toString('base64');
  return {
    headers: { 'content-type': 'application/json', 'Simpay-Timestamp': timestamp, 'Simpay-Nonce': nonce, 'Simpay-Signature': signature, 'Simpay-Serial': simulatedSerial(createPublicKey(privateKey)) },
    body,
  };
}
