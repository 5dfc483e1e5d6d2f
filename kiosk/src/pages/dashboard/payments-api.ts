import { PaymentList, StatementCompanies } from '@doorside/edge/contracts';
import type { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

export type Companies = z.infer<typeof StatementCompanies>;
export type Payments = z.infer<typeof PaymentList>['payments'];

/** The payments ledger and the company statements, as the dashboard reads them. */
export class PaymentsApi extends SignedInApi {
  async payments(): Promise<Payments> {
    return PaymentList.parse(await this.send('GET', '/api/payments')).payments;
  }

  async companies(month: string): Promise<Companies> {
    return StatementCompanies.parse(await this.send('GET', `/api/payments/statements?month=${encodeURIComponent(month)}`));
  }

  /** A statement's download address: CSV, or PDF in the reader's language. */
  statementUrl(kind: 'csv' | 'pdf', month: string, company: string, lang: string): string {
    const query = new URLSearchParams({ month, company, ...(kind === 'pdf' ? { lang } : {}) });
    return new URL(`./api/payments/statement.${kind}?${query}`, this.base).href;
  }
}
