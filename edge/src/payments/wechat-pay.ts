import { createDecipheriv, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { PaymentNotice } from '../contracts/index.ts';
import { NoticeRefused } from './notice-refused.ts';
import type { NoticeRequest, PaymentProvider } from './provider.ts';
import { verifySignedHeaders } from './signed-headers.ts';
import { openNative, queryWechatRefund, refundAtWechat, type WechatMerchant } from './wechat-pay-api.ts';

export interface WechatPaySettings {
  /** The merchant's APIv3 key: 32 bytes, the AES-256-GCM key of every notice's resource. */
  apiV3Key: string;
  /** The platform's verifying keys by serial: a platform certificate's serial number, or a `PUB_KEY_ID_…` id. */
  keys: ReadonlyMap<string, KeyObject>;
  /** The merchant number; a notice for another merchant is refused. */
  mchid?: string;
  /** The merchant's own key and app, for opening payments and asking refunds; absent: notices only. */
  merchant?: WechatMerchant;
}

const Envelope = z.object({
  id: z.string().max(64),
  create_time: z.string().max(40),
  event_type: z.string().max(64),
  resource_type: z.literal('encrypt-resource'),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().max(64 * 1024),
    nonce: z.string().max(64),
    associated_data: z.string().max(256).optional(),
    original_type: z.string().max(40).optional(),
  }),
});

/** A transaction, or (on refund events) a refund: both name the trade; only a transaction has a state to pay. */
const Transaction = z.object({
  mchid: z.string().max(32).optional(),
  out_trade_no: z.string().min(1).max(64),
  transaction_id: z.string().max(64).default(''),
  trade_state: z.string().max(32).default(''),
  success_time: z.string().max(40).optional(),
  amount: z.object({ total: z.number().int().min(0), currency: z.string().max(8).default('CNY') }),
  /** On refund events: our refund number, WeChat's, and how it ended (SUCCESS, ABNORMAL, CLOSED). */
  out_refund_no: z.string().max(64).optional(),
  refund_id: z.string().max(64).optional(),
  refund_status: z.string().max(32).optional(),
});

/** WeChat Pay's refund events and how each ends a refund. */
const REFUND_EVENTS: Record<string, 'done' | 'failed'> = { 'REFUND.SUCCESS': 'done', 'REFUND.ABNORMAL': 'failed', 'REFUND.CLOSED': 'failed' };

/** AEAD_AES_256_GCM as WeChat Pay uses it: the tag is the ciphertext's last 16 bytes. */
export function decryptResource(apiV3Key: string, resource: { ciphertext: string; nonce: string; associated_data?: string | undefined }): string {
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(resource.nonce, 'utf8'));
  decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/** WeChat Pay v3: notifications (signature checked, resource decrypted, transaction read) and, with the merchant's key, opening payments and refunds. */
export function wechatPay(settings: WechatPaySettings): PaymentProvider {
  return {
    id: 'wechat',
    // WeChat Pay takes 200 or 204 with no body as "received".
    received: { status: 204, type: 'text/plain', body: '' },
    refunds: 'requested',
    // The payer pays in WeChat itself, by the native payment's code the merchant's call opened.
    payUrl: (payment) => payment.payAt ?? null,
    ...(settings.merchant ? {
      open: (payment, request) => openNative(settings.merchant!, settings.keys, payment, request),
      refund: (payment, refund, request) => refundAtWechat(settings.merchant!, settings.keys, payment, refund, request),
      queryRefund: (payment, refund, now) => queryWechatRefund(settings.merchant!, settings.keys, payment, refund, now),
    } satisfies Pick<PaymentProvider, 'open' | 'refund' | 'queryRefund'> : {}),
    verify(request: NoticeRequest, now: Date): PaymentNotice {
      verifySignedHeaders(request, now, { prefix: 'Wechatpay', provider: 'wechat' }, settings.keys);
      let transaction: z.infer<typeof Transaction>;
      let envelope: z.infer<typeof Envelope>;
      try {
        envelope = Envelope.parse(JSON.parse(request.body));
        transaction = Transaction.parse(JSON.parse(decryptResource(settings.apiV3Key, envelope.resource)));
      } catch {
        throw new NoticeRefused('UNREADABLE', 'wechat');
      }
      if (settings.mchid && transaction.mchid !== settings.mchid) throw new NoticeRefused('WRONG_APP', 'wechat');
      const paid = envelope.event_type === 'TRANSACTION.SUCCESS' && transaction.trade_state === 'SUCCESS';
      const refundEnd = REFUND_EVENTS[envelope.event_type];
      const refund = refundEnd && transaction.out_refund_no
        ? { outRefundNo: transaction.out_refund_no, outcome: refundEnd, reference: transaction.refund_id ?? '', code: transaction.refund_status ?? envelope.event_type.slice(7) }
        : undefined;
      return {
        provider: 'wechat',
        event: paid ? 'paid' : refund ? 'refund' : 'other',
        ...(refund ? { refund } : {}),
        // A refund's events are its own: two refunds of one payment are two notices.
        key: `${refund ? `${refund.reference || refund.outRefundNo}` : transaction.transaction_id || envelope.id}:${envelope.event_type}`,
        tradeNo: transaction.out_trade_no,
        transaction: transaction.transaction_id,
        amount: transaction.amount.total,
        currency: transaction.amount.currency.toUpperCase(),
        at: isoOr(transaction.success_time ?? envelope.create_time, now),
      };
    },
  };
}

/** WeChat writes RFC 3339 with an offset (2026-12-06T18:00:00+08:00). */
export function isoOr(text: string, now: Date): string {
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? now.toISOString() : new Date(parsed).toISOString();
}
