import { type KeyObject, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, type Payment, PayPageView, SimulatedPayResult, TradeParams } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { signSimulatedNotice } from './simulated-provider.ts';

const errors = { 400: ErrorBody, 404: ErrorBody };
const tags = ['payments'];

export interface SimulatedPayOptions {
  store: SiteStore;
  privateKey: KeyObject;
  /** Where the provider sends its notices: `{DOORSIDE_PAYMENT_NOTIFY_URL}/simulated` (the central server's, or the site's own). */
  notifyUrl: () => string;
  siteName: string;
  clock: () => string;
}

/**
 * The simulated provider, as an outside provider would be: its page shows what to pay, and
 * "Pay" makes it send a signed notice to the notify address over HTTP, exactly as a real
 * provider calls in. Only a payment still waiting can be paid.
 */
export const simulatedPayRoutes: FastifyPluginAsync<SimulatedPayOptions> = async (app, { store, privateKey, notifyUrl, siteName, clock }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const find = (tradeNo: string): Payment => {
    const payment = store.payments.byTradeNo(tradeNo);
    if (!payment || payment.provider !== 'simulated') throw new NotFound('payment', tradeNo);
    return payment;
  };
  const view = (p: Payment): PayPageView => ({ tradeNo: p.tradeNo, order: p.order, amount: p.amount, currency: p.currency, status: p.status, site: siteName });

  api.get('/api/pay/:tradeNo', {
    schema: { tags, params: TradeParams, response: { 200: PayPageView, ...errors }, description: 'The simulated provider\'s pay page: the amount asked and whether it is paid.' },
  }, async (request) => view(find(request.params.tradeNo)));

  api.post('/api/pay/:tradeNo', {
    schema: { tags, params: TradeParams, response: { 200: SimulatedPayResult, ...errors }, description: 'Pays on the simulated provider: it sends its signed notice to the notify address and reports the answer it got.' },
  }, async (request) => {
    const payment = find(request.params.tradeNo);
    if (payment.status !== 'pending') return { delivered: false, status: 409, view: view(payment) };
    const now = new Date(clock());
    const notice = signSimulatedNotice(privateKey, {
      id: randomBytes(8).toString('hex'), event: 'PAID', trade_no: payment.tradeNo, transaction: `SIM${randomBytes(10).toString('hex').toUpperCase()}`,
      amount: payment.amount, currency: payment.currency, paid_at: now.toISOString(),
    }, now);
    const answer = await fetch(notifyUrl(), { method: 'POST', headers: notice.headers, body: notice.body, signal: AbortSignal.timeout(10_000) });
    await answer.arrayBuffer();
    return { delivered: answer.ok, status: answer.status, view: view(find(payment.tradeNo)) };
  });
};
