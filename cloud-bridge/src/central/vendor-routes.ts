import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorBody, VENDOR_FILE_MAX_BYTES, VENDOR_FILES_MAX, type VendorFileCopy, VendorAttachmentParams, VendorStepQueued, VendorTokenParams, VendorWorkOrderView,
  WorkOrderCommentBody, WorkOrderDoneBody, WorkOrderNoteBody, WorkOrderReasonBody,
} from '@doorside/edge/contracts';
import { Invalid, NotFound, Refusal, tokenDigest } from '@doorside/edge/http';
import { closedStatuses, READABLE_AFTER_CLOSE_MS, type VendorAction, sendVendorFile, vendorPostTypeRefusal } from '@doorside/edge/work-orders';
import { z } from 'zod';
import type { CommandInbox } from './command-inbox.ts';
import { fileKind } from './file-kind.ts';
import type { VendorViews } from './vendor-views.ts';
import type { VendorFiles } from './vendor-files.ts';

export const VENDOR_COOKIE = 'ds_wo';
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody };
const tags = ['vendor link'];

/** Requests per client address a minute, and vendor steps per link in ten minutes. */
export interface VendorLimits { perAddress: { max: number; windowMs: number }; stepsPerLink: { max: number; windowMs: number } }
export const defaultVendorLimits: VendorLimits = { perAddress: { max: 120, windowMs: 60_000 }, stepsPerLink: { max: 30, windowMs: 10 * 60_000 } };

export interface VendorRouteOptions { views: VendorViews; files: VendorFiles; commands: CommandInbox; clock: () => string; secureCookies: boolean; limits?: VendorLimits }

const bodies = {
  accept: WorkOrderNoteBody, decline: WorkOrderReasonBody, comment: WorkOrderCommentBody, files: z.strictObject({}), start: WorkOrderNoteBody, done: WorkOrderDoneBody,
} satisfies Record<VendorAction, z.ZodType>;
const takesFiles = (action: VendorAction) => action === 'files' || action === 'done';
const uploads = new WeakMap<FastifyRequest, VendorFileCopy[]>();

/**
 * The vendor's link where the vendor reaches it. The central server holds no order of its own:
 * it reads the order from its copy of the site's log, and holds each step as a `vendor-action`
 * command for the site (the link by its digest, files inside), which applies it once through
 * its own rules. So a step answers 202 with the command's id, not the order as it now is.
 */
export const centralVendorRoutes: FastifyPluginAsync<VendorRouteOptions> = async (app, { views, files: held, commands, clock, secureCookies, limits = defaultVendorLimits }) => {
  await app.register(rateLimit, { global: false });
  const perAddress = app.createRateLimit({ max: limits.perAddress.max, timeWindow: limits.perAddress.windowMs, keyGenerator: (r) => `wo-ip:${r.ip}` });
  const perLink = app.createRateLimit({ max: limits.stepsPerLink.max, timeWindow: limits.stepsPerLink.windowMs, keyGenerator: (r) => `wo-link:${tokenDigest(tokenOf(r) ?? '')}` });
  app.addHook('onRequest', async (request) => {
    for (const check of request.method === 'POST' ? [perAddress, perLink] : [perAddress]) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) throw new Refusal('RATE_LIMITED', `too many requests for this link; try again in ${Math.max(1, limit.ttlInSeconds)} s`, { retryAfterSeconds: Math.max(1, limit.ttlInSeconds) });
    }
  });
  app.addHook('onRequest', async (request) => {
    const refused = vendorPostTypeRefusal(request.method, String(request.url), request.headers['content-type']);
    if (refused) throw refused;
  });
  await app.register(multipart, { limits: { fileSize: VENDOR_FILE_MAX_BYTES, files: VENDOR_FILES_MAX, fields: 10, fieldSize: 8 * 1024, parts: VENDOR_FILES_MAX + 10, headerPairs: 100 } });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const fields: Record<string, unknown> = {};
    const files: VendorFileCopy[] = [];
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const buffer = await part.toBuffer();
          // Judged by its bytes here as at the site, so a disguised file is refused before anything is held.
          if (!fileKind(buffer)) throw new Invalid('BAD_FILE', 'a file must be a photo (JPEG, PNG, WebP, HEIC) or a PDF', { accepted: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] });
          files.push({ name: part.filename.slice(0, 200), data: buffer.toString('base64') });
        } else {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (error instanceof Invalid || (typeof status === 'number' && status >= 400 && status < 500)) throw error;
      throw new Invalid('BAD_MULTIPART', 'the multipart body could not be read', { reason: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' });
    }
    request.body = fields;
    uploads.set(request, files);
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieToken = (request: FastifyRequest) => {
    const parsed = VendorTokenParams.shape.token.safeParse(request.cookies[VENDOR_COOKIE]);
    if (!parsed.success) throw new NotFound('work order link', 'given');
    return parsed.data;
  };
  const open = (token: string) => views.open(tokenDigest(token), clock());

  api.get('/wo/:token', { schema: { hide: true, params: VendorTokenParams } }, async (request, reply) => {
    const { order } = await open(request.params.token);
    const until = new Date(Date.parse(order.closedAt ?? clock()) + READABLE_AFTER_CLOSE_MS);
    reply.setCookie(VENDOR_COOKIE, request.params.token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', expires: until });
    return reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').redirect('/wo', 303);
  });

  const describe = 'The work order the vendor\'s link opens, as the central server\'s copy of the site\'s log last had it, with the steps it holds for the site counted in (`queued`) and when the copy was synced (`syncedAt`).';
  api.get('/api/wo', { schema: { tags, response: { 200: VendorWorkOrderView, ...errors }, description: `${describe} By the link's cookie.` } },
    async (request, reply) => reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').send((await open(cookieToken(request))).view));
  api.get('/api/wo/:token', { schema: { tags, params: VendorTokenParams, response: { 200: VendorWorkOrderView, ...errors }, description: `${describe} By the token.` } },
    async (request, reply) => reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store').send((await open(request.params.token)).view));
  api.get('/api/wo/files/:attachment', { schema: { tags, params: VendorAttachmentParams, response: { 404: ErrorBody }, description: 'A file of the order the link\'s cookie opens (the ticket\'s photos, the vendor\'s photos and PDFs), as the site\'s agent copied it up; no other order\'s. 404 too for a file the order no longer lists or not copied yet.' } },
    async (request, reply) => {
      const { link, order } = await open(cookieToken(request));
      const id = request.params.attachment;
      const file = order.attachments.some((a) => a.id === id) ? await held.get(link.site, id) : undefined;
      if (!file) throw new NotFound('attachment', id);
      return sendVendorFile(reply, id, file.type === 'application/pdf', file.data);
    });

  const act = async (token: string, action: VendorAction, body: Record<string, unknown>, request: FastifyRequest) => {
    const { link, order } = await open(token);
    // A closed order stays closed whatever is on its way; anything else the site's rules judge.
    if (closedStatuses.includes(order.status)) throw new Refusal('WORK_ORDER_STATE', `cannot ${action} a work order that is ${order.status}`, { status: order.status, allowed: [] });
    const files = takesFiles(action) ? uploads.get(request) ?? [] : [];
    if (action === 'files' && files.length === 0) throw new Invalid('NO_FILES', 'send one to three photos or PDFs as multipart form fields');
    const id = randomUUID();
    await commands.enqueue(link.site, { id, type: 'vendor-action', by: 'vendor-link', digest: link.digest, action, body, ...(files.length > 0 ? { files } : {}) }, clock());
    return { command: id, state: 'pending' as const };
  };

  for (const action of Object.keys(bodies) as VendorAction[]) {
    const consumes = takesFiles(action) ? { consumes: ['application/json', 'multipart/form-data'] } : {};
    const description = `The vendor's ${action} step, held for the site and applied there once through its rules: 202 with the command's id.`;
    api.post(`/api/wo/:token/${action}`, { schema: { tags, ...consumes, params: VendorTokenParams, body: bodies[action], response: { 202: VendorStepQueued, ...errors }, description } },
      async (request, reply) => reply.code(202).send(await act(request.params.token, action, request.body as Record<string, unknown>, request)));
    api.post(`/api/wo/${action}`, { schema: { tags, ...consumes, body: bodies[action], response: { 202: VendorStepQueued, ...errors }, description: `${description} By the link's cookie.` } },
      async (request, reply) => reply.code(202).send(await act(cookieToken(request), action, request.body as Record<string, unknown>, request)));
  }
};

function tokenOf(request: FastifyRequest): string | undefined {
  return (request.params as { token?: string } | undefined)?.token ?? request.cookies?.[VENDOR_COOKIE];
}
