import { createReadStream } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Attachment, ErrorBody, VendorAttachmentParams, VendorTokenParams, VendorWorkOrderView, WorkOrderCommentBody, WorkOrderDoneBody, WorkOrderNoteBody,
  WorkOrderParams, WorkOrderReasonBody,
} from '../contracts/index.ts';
import { DocumentStore } from '../attachments/document-store.ts';
import { PhotoStore } from '../attachments/photo-store.ts';
import { acceptPhotoUploads, uploadedPhotos } from '../attachments/photo-uploads.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { discardVendorFiles, storeVendorFiles } from './vendor-files.ts';
import { sendVendorFile } from './vendor-file-reply.ts';
import { vendorPostTypeRefusal } from './vendor-post-type.ts';
import { commandOf, openLink, READABLE_AFTER_CLOSE_MS, type VendorAction, vendorView } from './vendor-link.ts';

export const VENDOR_COOKIE = 'ds_wo';
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody };
const tags = ['vendor link'];

export interface VendorLinkOptions { store: SiteStore; commands: CommandHandler; photos: PhotoStore; documents: DocumentStore; clock: () => string; secureCookies: boolean }

const bodies = {
  accept: WorkOrderNoteBody, decline: WorkOrderReasonBody, comment: WorkOrderCommentBody, files: z.strictObject({}), start: WorkOrderNoteBody, done: WorkOrderDoneBody,
} satisfies Record<VendorAction, z.ZodType>;
const descriptions: Record<VendorAction, string> = {
  accept: 'The vendor takes the order on.', decline: 'The vendor turns the order down, with a reason.', comment: 'A comment the team reads.',
  files: 'Photos (JPEG, PNG, WebP, HEIC) or a PDF quote or invoice, as multipart; each judged by its bytes.',
  start: 'The vendor starts the work.', done: 'The vendor reports the work done: notes, minutes spent, and photos as multipart if any.',
};
const takesFiles = (action: VendorAction) => action === 'files' || action === 'done';

/**
 * The vendor's link. `GET /wo/{token}` swaps the token for a cookie and sends the browser to a
 * clean address; reading (GET, HEAD) never changes anything, since mail scanners open links
 * before people do; every action is a POST, with the token in the path or the cookie.
 */
export const vendorLinkRoutes: FastifyPluginAsync<VendorLinkOptions> = async (app, { store, commands, photos, documents, clock, secureCookies }) => {
  await acceptPhotoUploads(app);
  const api = app.withTypeProvider<ZodTypeProvider>();

  app.addHook('onRequest', async (request) => {
    const refused = vendorPostTypeRefusal(request.method, String(request.url), request.headers['content-type']);
    if (refused) throw refused;
  });

  const cookieToken = (request: FastifyRequest) => {
    const parsed = VendorTokenParams.shape.token.safeParse(request.cookies[VENDOR_COOKIE]);
    if (!parsed.success) throw new NotFound('work order link', 'given');
    return parsed.data;
  };

  api.get('/wo/:token', { schema: { hide: true, params: VendorTokenParams } }, async (request, reply) => {
    const opened = openLink(store, request.params.token, clock());
    const until = opened.order.closedAt ? new Date(Date.parse(opened.order.closedAt) + READABLE_AFTER_CLOSE_MS) : new Date(Date.parse(clock()) + READABLE_AFTER_CLOSE_MS);
    reply.setCookie(VENDOR_COOKIE, request.params.token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', expires: until });
    return reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').redirect('/wo', 303);
  });

  const view = (token: string) => vendorView(store, openLink(store, token, clock()));
  api.get('/api/wo', { schema: { tags, response: { 200: VendorWorkOrderView, ...errors }, description: 'The work order the vendor\'s link cookie opens: the order, room and status, files, and the reporter\'s contact if the team allows it.' } },
    async (request, reply) => reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').send(view(cookieToken(request))));
  api.get('/api/wo/:token', { schema: { tags, params: VendorTokenParams, response: { 200: VendorWorkOrderView, ...errors }, description: 'The same, by the token.' } },
    async (request, reply) => reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').send(view(request.params.token)));

  const stores = { photos, documents };
  const ingest = (request: FastifyRequest, by: string) => storeVendorFiles(stores, uploadedPhotos(request), by, clock());
  const discard = (files: Attachment[]) => discardVendorFiles(stores, files);

  const act = async (token: string, action: VendorAction, body: Record<string, unknown>, request: FastifyRequest) => {
    const opened = openLink(store, token, clock());
    const target = { workOrder: opened.order.id };
    const type = commandOf(action);
    // Refused as the command would be before any file is stored.
    commands.check(opened.actor, target, { type, ...body } as never);
    const files = takesFiles(action) ? await ingest(request, opened.actor.ref) : [];
    if (action === 'files' && files.length === 0) throw new Invalid('NO_FILES', 'send one to three photos or PDFs as multipart form fields');
    try {
      const command = action === 'files' ? { type, attachments: files } : action === 'done' ? { type, ...body, attachments: files } : { type, ...body };
      await commands.handle(opened.actor, target, command as never);
    } catch (error) {
      discard(files);
      throw error;
    }
    return vendorView(store, openLink(store, token, clock()));
  };

  for (const action of Object.keys(bodies) as VendorAction[]) {
    const consumes = takesFiles(action) ? { consumes: ['application/json', 'multipart/form-data'] } : {};
    api.post(`/api/wo/:token/${action}`, { schema: { tags, ...consumes, params: VendorTokenParams, body: bodies[action], response: { 200: VendorWorkOrderView, ...errors }, description: descriptions[action] } },
      async (request) => act(request.params.token, action, request.body as Record<string, unknown>, request));
    api.post(`/api/wo/${action}`, { schema: { tags, ...consumes, body: bodies[action], response: { 200: VendorWorkOrderView, ...errors }, description: `${descriptions[action]} By the link's cookie.` } },
      async (request) => act(cookieToken(request), action, request.body as Record<string, unknown>, request));
  }

  const send = (reply: FastifyReply, file: Attachment) => {
    const pdf = file.type === DocumentStore.media.type;
    return sendVendorFile(reply, file.id, pdf, createReadStream(pdf ? documents.path(file.id) : photos.path(file.id)));
  };
  const fileOf = (attachments: readonly Attachment[], id: string) => {
    const file = attachments.find((a) => a.id === id);
    if (!file) throw new NotFound('attachment', id);
    return file;
  };

  api.get('/api/wo/files/:attachment', { schema: { tags, params: VendorAttachmentParams, description: 'A file of the order the link\'s cookie opens; no other order\'s.' } },
    async (request, reply) => send(reply, fileOf(openLink(store, cookieToken(request), clock()).order.attachments, request.params.attachment)));

  api.get('/api/work-orders/:id/files/:attachment', {
    config: { right: 'read-work-orders' },
    schema: { tags: ['work orders'], params: WorkOrderParams.extend(VendorAttachmentParams.shape), description: 'A file of the work order: the ticket\'s photos, the vendor\'s photos and PDFs.' },
  }, async (request, reply) => {
    signedInActor(request);
    const order = store.workOrders.get(request.params.id);
    if (!order) throw new NotFound('work order', request.params.id);
    return send(reply, fileOf(order.attachments, request.params.attachment));
  });
};
