import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('the demo site\'s orders', () => {
  let gw: TestGateway;
  let hanna: string;

  beforeAll(async () => {
    gw = await startTestGateway({ demoOrders: true });
    hanna = await gw.login('hanna');
  });
  afterAll(async () => { await gw?.stop(); });

  it('shows orders paid at order, waiting for payment, billed after service and charged to a company, with their payments', async () => {
    const orders = (await gw.call('GET', '/api/orders', { cookie: hanna })).body.orders as { id: string; service: string; status: string; paid: number; total: number; paymentMode: string }[];
    const payments = (await gw.call('GET', '/api/payments', { cookie: hanna })).body.payments as { provider: string; status: string }[];
    const month = new Date().toISOString().slice(0, 7);
    const companies = (await gw.call('GET', `/api/payments/statements?month=${month}`, { cookie: hanna })).body.companies;

    const by = (service: string) => orders.find((o) => o.service === service)!;
    expect(by('ac-cleaning')).toMatchObject({ status: 'confirmed', paymentMode: 'at-order' });
    expect(by('ac-cleaning').paid).toBe(by('ac-cleaning').total);
    expect(by('home-cleaning')).toMatchObject({ status: 'awaiting-payment', paid: 0 });
    expect(by('carpet-cleaning')).toMatchObject({ status: 'billed', paid: 0, paymentMode: 'after-service' });
    expect(by('lock-change')).toMatchObject({ status: 'confirmed', paymentMode: 'company', paid: 149_000 });
    expect(payments.map((p) => `${p.provider}:${p.status}`).sort()).toEqual(['company:paid', 'simulated:paid', 'simulated:pending']);
    expect(companies).toContainEqual(expect.objectContaining({ company: 'Nordlys AS', count: 1, total: 149_000 }));
  });
});
