import type { Payment, PaymentNotice, ProviderId, Refund } from '../contracts/index.ts';

/** A provider's notification as it came: its headers and the body, byte for byte as sent (signatures cover it). */
export interface NoticeRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What a provider wants to hear back: it resends until it gets its own word for "received". */
export interface NoticeAnswer { status: number; type: string; body: string }

/**
 * One way of taking money, behind one interface: where the payer pays, how its notices are
 * checked and read, what it answers, and whether a refund is done at once or asked for.
 */
export interface PaymentProvider {
  readonly id: ProviderId;
  /** Checks the notice came from the provider unaltered and in time, and reads it; throws `NoticeRefused`. */
  verify(request: NoticeRequest, now: Date): PaymentNotice;
  /** The answer that stops the provider's resending. */
  readonly received: NoticeAnswer;
  /** The provider's page where the payer pays, or null where the payment needs no payer's step. */
  payUrl(payment: Payment, base: string): string | null;
  /** `done`: the money is back at once (simulated, company account); `requested`: the provider works on it and confirms later. */
  readonly refunds: 'done' | 'requested';
  /**
   * Opens the payment at the provider (WeChat Pay, Alipay): the address the payer pays at, as it
   * answered. Absent where the payer's step is the site's own page (simulated) or there is none.
   * Throws `ProviderUnavailable` (not reached, or an answer that does not verify) or `ProviderRefused`.
   */
  open?(payment: Payment, request: OpenRequest): Promise<{ payAt: string }>;
  /** Asks the provider to give money back: done, or accepted and still under way. Throws as `open` does. */
  refund?(payment: Payment, refund: Refund, request: RefundRequest): Promise<RefundAnswer>;
  /** Asks the provider how a refund under way stands. Throws as `open` does; a refund the provider does not know is `failed`. */
  queryRefund?(payment: Payment, refund: Refund, now: Date): Promise<RefundStanding>;
}

/** How a refund stands at the provider: settled (done or failed, with its code), or still under way. */
export interface RefundStanding { outcome: 'done' | 'failed' | 'processing'; reference: string | null; failure?: string }

export interface OpenRequest {
  /** Where the provider sends its notice of the payment. */
  notifyUrl: string;
  /** What the payer sees the payment is for. */
  description: string;
  now: Date;
}
export interface RefundRequest { notifyUrl: string; now: Date }
export interface RefundAnswer { outcome: 'done' | 'requested'; reference: string | null }

/** The providers a site (or its central server) is set up for, by id. */
export type Providers = ReadonlyMap<ProviderId, PaymentProvider>;

export const header = (request: NoticeRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
