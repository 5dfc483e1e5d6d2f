import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreatePaymentBody, ErrorBody, OrderRef, type Payment, PaymentList, PaymentParams, type PaymentView as View, PaymentView, RefundBody, RefundList, RefundParams, RefundsQuery } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import { NotFound, Refusal } from '../domain-error.ts';
import type { PublicAddress } from '../http/public-address.ts';
import type { SiteStore } from '../store/site-store.ts';
import { openAtProvider, type ProviderCalls } from './provider-calls.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['payments'];

/** Asking for a payment, reading the ledger, refunding. */
export const paymentRoutes: FastifyPluginAsync<{ store: SiteStore; calls: ProviderCalls; links: PublicAddress }> = async (app, { store, calls, links }) => {
  const { commands, providers } = calls;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const withPayUrl = (view: View): View => {
    const provider = providers.get(view.payment.provider);
    return { ...view, payUrl: view.payment.status === 'pending' && provider ? provider.payUrl(view.payment, links.base) : null };
  };
  const viewOf = (payment: Payment): View => withPayUrl({ payment, refunds: store.payments.refunds(payment.id), payUrl: null });

  api.post('/api/payments', {
    config: { right: 'charge' },
    schema: { tags, body: CreatePaymentBody, response: { 200: PaymentView, ...errors }, description: 'A payment for an order at the amount the site priced it: through a provider (opened there at once for WeChat Pay and Alipay; the payer pays where `payUrl` says; 503 PROVIDER_UNAVAILABLE when it cannot be reached), or charged to a company account at once. An order paid already is refused (409 ORDER_ALREADY_PAID).' },
  }, async (request) => {
    const { order, ...rest } = request.body;
    if (!providers.has(rest.provider)) throw new Refusal('PROVIDER_NOT_SET_UP', `this site takes no ${rest.provider} payments`, { provider: rest.provider });
    const asked = await commands.handle(signedInActor(request), { order }, { type: 'create-payment', ...rest });
    return withPayUrl(await openAtProvider(calls, asked, `${store.site} ${order}`));
  });

  api.get('/api/payments', {
    config: { right: 'read-payments' },
    schema: { tags, querystring: z.strictObject({ order: OrderRef.optional() }), response: { 200: PaymentList, ...errors }, description: 'The ledger, newest first (at most 500), or one order\'s payments.' },
  }, async (request) => ({ payments: request.query.order ? store.payments.ofOrder(request.query.order) : store.payments.recent(500) }));

  api.get('/api/payments/:id', {
    config: { right: 'read-payments' },
    schema: { tags, params: PaymentParams, response: { 200: PaymentView, ...errors }, description: 'A payment with its refunds.' },
  }, async (request) => {
    const payment = store.payments.get(request.params.id);
    if (!payment) throw new NotFound('payment', request.params.id);
    return viewOf(payment);
  });

  api.post('/api/payments/:id/refund', {
    config: { right: 'refund' },
    schema: { tags, params: PaymentParams, body: RefundBody, response: { 200: PaymentView, ...errors }, description: 'Gives money back through the provider that took it: at most what was received and not yet refunded (409 REFUND_TOO_LARGE).' },
  }, async (request) => withPayUrl(await commands.handle(signedInActor(request), { payment: request.params.id }, { type: 'refund-payment', ...request.body })));

  api.get('/api/refunds', {
    config: { right: 'read-payments' },
    schema: { tags, querystring: RefundsQuery, response: { 200: RefundList, ...errors }, description: 'Refunds, newest first (at most 500): by how they stand (`failed`: the provider refused, closed or could not carry it out; `requested`: under way), or one order\'s.' },
  }, async (request) => ({ refunds: store.payments.refundList(request.query) }));

  api.post('/api/refunds/:id/retry', {
    config: { right: 'refund' },
    schema: { tags, params: RefundParams, response: { 200: PaymentView, ...errors }, description: 'Asks a failed refund of the provider again, as a new refund of the same amount (409 REFUND_NOT_FAILED for one that did not fail or was asked again already).' },
  }, async (request) => withPayUrl(await commands.handle(signedInActor(request), { refund: request.params.id }, { type: 'retry-refund' })));
};
