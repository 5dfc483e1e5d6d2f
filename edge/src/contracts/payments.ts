import { z } from 'zod';
import { IsoTime } from './ids.ts';

/** Who takes the money: the demo's own simulated provider, WeChat Pay, Alipay, or the tenant's company account. */
export const ProviderId = z.enum(['simulated', 'wechat', 'alipay', 'company']);
export type ProviderId = z.infer<typeof ProviderId>;

/** Money in integer minor units (fen, øre, cents); never a fraction. */
export const MinorUnits = z.number().int().min(0).max(100_000_000);
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'a currency is its ISO 4217 code, such as CNY or EUR');
export const PaymentId = z.string().regex(/^P-\d{1,9}$/, 'a payment id looks like P-12');
export const RefundId = z.string().regex(/^R-\d{1,9}$/, 'a refund id looks like R-3');
/** What the site calls an order (its number); payments refer to it, the order's own record is kept beside. */
export const OrderRef = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'an order id is letters, digits and -');
/** The trade number a provider knows the payment by: `{site}_{payment}`, so a central server knows where it goes. */
export const TradeNo = z.string().regex(/^[a-z0-9_-]{1,48}_P-\d{1,9}$/, 'a trade number looks like demo_P-12');

/** Why a payment waits for a person: its notice did not match what the order asked. */
export const PaymentFlag = z.discriminatedUnion('code', [
  z.object({ code: z.literal('AMOUNT_MISMATCH'), params: z.object({ expected: MinorUnits, received: MinorUnits, currency: CurrencyCode, receivedCurrency: CurrencyCode }) }),
  z.object({ code: z.literal('ORDER_ALREADY_PAID'), params: z.object({ paidBy: PaymentId }) }),
]);
export type PaymentFlag = z.infer<typeof PaymentFlag>;

export const PaymentStatus = z.enum(['pending', 'paid', 'flagged', 'refunded']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const Payment = z.object({
  id: PaymentId,
  order: OrderRef,
  provider: ProviderId,
  amount: MinorUnits,
  currency: CurrencyCode,
  status: PaymentStatus,
  tradeNo: TradeNo,
  /** The provider's own number for the money that moved. */
  transaction: z.string().max(64).nullable(),
  /** What the provider said arrived (equal to `amount` unless flagged). */
  received: MinorUnits.nullable(),
  refunded: MinorUnits,
  paidAt: IsoTime.nullable(),
  /** The company a company-account payment is charged to. */
  company: z.string().max(120).nullable(),
  flag: PaymentFlag.nullable(),
  createdAt: IsoTime,
  /** Where the payer pays, as the provider answered when the payment was opened there (WeChat Pay's `code_url`, Alipay's `qr_code`). */
  payAt: z.string().max(1000).nullable().optional(),
});
export type Payment = z.infer<typeof Payment>;

export const Refund = z.object({
  id: RefundId,
  payment: PaymentId,
  order: OrderRef,
  amount: MinorUnits,
  currency: CurrencyCode,
  /**
   * `done` when the money is back (at once, or confirmed by the provider); `requested` while a
   * real provider works on it; `failed` when the provider refused it (a person takes it from there).
   */
  status: z.enum(['done', 'requested', 'failed']),
  reason: z.string().max(300),
  at: IsoTime,
  /** The provider's own number for the refund, once it answered. */
  reference: z.string().max(64).nullable().optional(),
  /** The provider's code when it refused the refund. */
  failure: z.string().max(120).nullable().optional(),
  /** How often the provider was asked how a refund under way stands. */
  checks: z.number().int().min(0).optional(),
  /** When the provider is next asked, while the refund is under way; null once it is settled or given to a person. */
  nextCheckAt: IsoTime.nullable().optional(),
  /** The task a person got when the provider still had not settled it after the last check. */
  task: z.string().max(40).nullable().optional(),
  /** A failed refund asked again: the refund it was asked again as, and the one it retries. */
  retriedBy: RefundId.nullable().optional(),
  retryOf: RefundId.nullable().optional(),
});
export type Refund = z.infer<typeof Refund>;

/** A provider's notification, its signature checked and its content read: what the site takes. */
export const PaymentNotice = z.strictObject({
  provider: ProviderId,
  /** What happened: money paid, a refund settled at the provider, or something the site only acknowledges (a trade closed). */
  event: z.enum(['paid', 'refund', 'other']),
  /** Unique per event at the provider: the same notice sent again has the same key. */
  key: z.string().min(1).max(160),
  tradeNo: z.string().min(1).max(64),
  transaction: z.string().max(64),
  amount: MinorUnits,
  currency: CurrencyCode,
  at: IsoTime,
  /** On a refund event: the refund by our number (`{site}_R-3`), how it ended, the provider's number and code. */
  refund: z.strictObject({
    outRefundNo: z.string().min(1).max(64),
    outcome: z.enum(['done', 'failed']),
    reference: z.string().max(64),
    code: z.string().max(120),
  }).optional(),
});
export type PaymentNotice = z.infer<typeof PaymentNotice>;

/** What a notice did: taken (once), a repeat of one taken, flagged for a person, or only acknowledged. */
export const NoticeOutcome = z.object({
  outcome: z.enum(['taken', 'repeat', 'flagged', 'ignored', 'settled']),
  payment: PaymentId.nullable(),
});
export type NoticeOutcome = z.infer<typeof NoticeOutcome>;

export const ProviderParams = z.strictObject({ provider: ProviderId });
export const PaymentParams = z.strictObject({ id: PaymentId });

/** A payment for an order the site has priced; the amount is the order's, never the payer's. */
export const CreatePaymentBody = z.strictObject({
  order: OrderRef,
  amount: MinorUnits.min(1),
  currency: CurrencyCode,
  provider: ProviderId,
  company: z.string().trim().min(1).max(120).optional(),
});
export const RefundParams = z.strictObject({ id: RefundId });
export const RefundsQuery = z.strictObject({ status: z.enum(['done', 'requested', 'failed']).optional(), order: OrderRef.optional() });
export const RefundList = z.object({ refunds: z.array(Refund) });
export const RefundBody = z.strictObject({
  amount: MinorUnits.min(1),
  reason: z.string().trim().min(1).max(300),
});

/** A payment as the payer sees it: what it is for, and where to pay. */
export const PaymentView = z.object({
  payment: Payment,
  refunds: z.array(Refund),
  /** The provider's page to pay on (built on the public address), while the payment waits. */
  payUrl: z.string().nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const PaymentList = z.object({ payments: z.array(Payment) });

/** One company's charges in one month, as the statement lists them. */
export const StatementQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month looks like 2026-12'),
  company: z.string().trim().min(1).max(120),
});
export const StatementLine = z.object({ payment: PaymentId, order: OrderRef, at: IsoTime, amount: MinorUnits, refunded: MinorUnits });
export const Statement = z.object({
  company: z.string(),
  month: z.string(),
  currency: CurrencyCode.nullable(),
  lines: z.array(StatementLine),
  total: MinorUnits,
});
export type Statement = z.infer<typeof Statement>;
export const StatementCompanies = z.object({ month: z.string(), companies: z.array(z.object({ company: z.string(), count: z.number().int(), total: MinorUnits, currency: CurrencyCode })) });

/** The simulated provider's pay page: what the payer is asked to pay, and whether it is paid. */
export const PayPageView = z.object({
  tradeNo: TradeNo,
  order: OrderRef,
  amount: MinorUnits,
  currency: CurrencyCode,
  status: PaymentStatus,
  site: z.string(),
});
export type PayPageView = z.infer<typeof PayPageView>;
export const TradeParams = z.strictObject({ tradeNo: TradeNo });
/** What the simulated provider heard back from the notify address. */
export const SimulatedPayResult = z.object({ delivered: z.boolean(), status: z.number().int(), view: PayPageView });

/** What the occupant's tracking link shows of the money: each payment taken for the order, and each refund. */
export const Receipt = z.object({
  /** Null where the link is for a free report, with no order behind it. */
  order: OrderRef.nullable(),
  payee: z.string(),
  payments: z.array(z.object({
    id: PaymentId, provider: ProviderId, amount: MinorUnits, currency: CurrencyCode, paidAt: IsoTime.nullable(), transaction: z.string().nullable(), refunded: MinorUnits,
  })),
  refunds: z.array(z.object({ id: RefundId, payment: PaymentId, amount: MinorUnits, currency: CurrencyCode, status: Refund.shape.status, at: IsoTime })),
});
export type Receipt = z.infer<typeof Receipt>;
