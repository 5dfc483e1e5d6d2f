import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, Vendor, VendorBody, VendorList, VendorParams, VendorPatch } from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['work orders'];

/** The vendors directory: service parties, their trade and contact persons. */
export const vendorRoutes: FastifyPluginAsync<{ store: SiteStore; commands: CommandHandler }> = async (app, { store, commands }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/vendors', { config: { right: 'read-vendors' }, schema: { tags, response: { 200: VendorList, ...errors }, description: 'Every vendor, by name.' } },
    async () => ({ vendors: store.workOrders.vendors() }));

  api.get('/api/vendors/:id', { config: { right: 'read-vendors' }, schema: { tags, params: VendorParams, response: { 200: Vendor, ...errors }, description: 'One vendor with its contacts.' } },
    async (request) => {
      const vendor = store.workOrders.vendor(request.params.id);
      if (!vendor) throw new NotFound('vendor', request.params.id);
      return vendor;
    });

  api.post('/api/vendors', { config: { right: 'manage-vendors' }, schema: { tags, body: VendorBody, response: { 201: Vendor, ...errors }, description: 'Adds a vendor: company, trade, contacts with e-mail and language; reminders on unless said otherwise.' } },
    async (request, reply) => reply.code(201).send(await commands.handle(signedInActor(request), { directory: true }, { type: 'define-vendor', vendor: request.body })));

  api.patch('/api/vendors/:id', { config: { right: 'manage-vendors' }, schema: { tags, params: VendorParams, body: VendorPatch, response: { 200: Vendor, ...errors }, description: 'Changes a vendor; contacts given replace the list (a contact sent with its id keeps it, and its links).' } },
    async (request) => commands.handle(signedInActor(request), { vendor: request.params.id }, { type: 'update-vendor', changes: request.body }));

  api.delete('/api/vendors/:id', { config: { right: 'manage-vendors' }, schema: { tags, params: VendorParams, response: { 200: Vendor, ...errors }, description: 'Retires a vendor: no new work orders go to it; its orders and their history stay.' } },
    async (request) => commands.handle(signedInActor(request), { vendor: request.params.id }, { type: 'update-vendor', changes: { active: false } }));
};
