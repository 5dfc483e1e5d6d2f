import type { PaymentProvider } from './provider.ts';
import { NoticeRefused } from './notice-refused.ts';

/**
 * Charged to the tenant's company and collected on its monthly statement: no payer's step,
 * no notices; the charge stands once the order is confirmed, and a refund is a credit at once.
 */
export const companyAccount: PaymentProvider = {
  id: 'company',
  received: { status: 200, type: 'text/plain', body: '' },
  refunds: 'done',
  payUrl: () => null,
  verify() {
    throw new NoticeRefused('NOT_SET_UP', 'company');
  },
};
