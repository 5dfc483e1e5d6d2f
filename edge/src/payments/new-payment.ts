import type { Change, Payment, ProviderId } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

export interface PaymentAsked {
  order: string;
  provider: ProviderId;
  amount: number;
  currency: string;
  company?: string | undefined;
}

/**
 * A payment's first row. Through a provider it waits for the payer (`pending`); charged to a
 * company account it stands at once (`paid`) and is collected on the company's monthly statement.
 */
export function newPayment(store: SiteStore, asked: PaymentAsked, at: string): { payment: Payment; change: Change } {
  const id = `P-${store.payments.nextNumber()}`;
  const company = asked.provider === 'company';
  const payment: Payment = {
    id, order: asked.order, provider: asked.provider, amount: asked.amount, currency: asked.currency,
    status: company ? 'paid' : 'pending', tradeNo: `${store.site}_${id}`, transaction: company ? `company:${id}` : null,
    received: company ? asked.amount : null, refunded: 0, paidAt: company ? at : null,
    company: asked.company ?? null, flag: null, createdAt: at,
  };
  return { payment, change: { entity: 'payment', type: company ? 'payment-taken' : 'payment-created', state: payment } };
}
