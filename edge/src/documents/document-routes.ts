import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DocumentList, DocumentParams, DocumentUploadFields, DocumentsVerified, ErrorBody, SiteDocument, type DocumentCheck,
} from '../contracts/index.ts';
import { signedInActor } from '../auth/sign-in.ts';
import type { CommandHandler } from '../commands/handler.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import type { DocumentStore } from '../attachments/document-store.ts';
import { acceptPhotoUploads, uploadedPhotos } from '../attachments/photo-uploads.ts';
import type { SiteStore } from '../store/site-store.ts';
import { MAX_DOCUMENT_BYTES, readChecked, storeDocumentFile } from './document-files.ts';
import { mayRead } from './document-readers.ts';
import { uploadedMeta } from './document-upload.ts';

export interface DocumentRoutesOptions { store: SiteStore; commands: CommandHandler; library: DocumentStore; clock: () => string }

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
const tags = ['documents'];

/** Documents per building, floor, unit, room or tenant company: uploads by the property team, reading by whom each names. */
export const documentRoutes: FastifyPluginAsync<DocumentRoutesOptions> = async (app, { store, commands, library, clock }) => {
  await acceptPhotoUploads(app, { files: 1, fileSize: MAX_DOCUMENT_BYTES });
  const api = app.withTypeProvider<ZodTypeProvider>();
  const readable = (request: Parameters<typeof signedInActor>[0]) => {
    const actor = signedInActor(request);
    return (document: SiteDocument) => mayRead(actor, document, (id) => store.entries.persons.get(id), () => store.entries.units.list(10_000));
  };

  api.post('/api/documents', {
    config: { right: 'manage-documents' },
    schema: {
      tags, consumes: ['multipart/form-data'], body: DocumentUploadFields, response: { 201: SiteDocument, ...errors },
      description: 'Uploads a document (multipart): the field `file` holds one PDF (judged by its bytes, at most 20 MB), the field `meta` JSON with `kind`, `title` in one or more of en, zh, nb, nl, `place` (building, floor, unit, room or company) and `readers` (the roles who may open it; tenants only where its place reaches them). The file\'s SHA-256 goes into the upload\'s audit event.',
    },
  }, async (request, reply) => {
    const actor = signedInActor(request);
    const meta = uploadedMeta(request.body.meta);
    const files = uploadedPhotos(request);
    if (files.length !== 1) throw new Invalid('NO_FILE', 'send one PDF as the multipart field "file"', { files: files.length });
    const file = storeDocumentFile(library, files[0]!.buffer, actor.ref, clock(), files[0]!.filename);
    try {
      const made = await commands.handle(actor, { documents: true }, { type: 'upload-document', file, ...meta });
      return reply.code(201).send(made);
    } catch (error) {
      library.remove([file.id]);
      throw error;
    }
  });

  api.get('/api/documents', {
    config: { right: 'read-documents' },
    schema: { tags, response: { 200: DocumentList, ...errors }, description: 'The documents the signed-in person may open, the newest first (those who keep documents: all of them, withdrawn ones too).' },
  }, async (request) => ({ documents: store.documents.list().filter(readable(request)) }));

  api.get('/api/documents/verify', {
    config: { right: 'read-audit' },
    schema: { tags: ['audit', ...tags], response: { 200: DocumentsVerified, ...errors }, description: 'Checks every stored document file against the SHA-256 its upload event recorded: a file swapped or removed on disk is listed.' },
  }, async () => {
    const checks: DocumentCheck[] = store.documents.list().map((d) => {
      const recorded = store.documents.recordedDigest(d.id);
      const { problem } = readChecked(library, d.file.id, recorded);
      return { id: d.id, ok: problem === null, problem, sha256: recorded ?? '' };
    });
    const failed = checks.filter((c) => !c.ok);
    return { ok: failed.length === 0, checked: checks.length, failed };
  });

  api.get('/api/documents/:id/file', {
    config: { right: 'read-documents' },
    schema: { tags, params: DocumentParams, description: 'The document\'s PDF, after its bytes were checked against the SHA-256 its upload event recorded; a file that is missing or not the one uploaded is refused (409 DOCUMENT_ALTERED). A document the caller may not open is not found.' },
  }, async (request, reply) => {
    const document = store.documents.get(request.params.id);
    if (!document || !readable(request)(document)) throw new NotFound('document', request.params.id);
    const checked = readChecked(library, document.file.id, store.documents.recordedDigest(document.id));
    if (checked.problem !== null) {
      throw new Refusal('DOCUMENT_ALTERED', `the stored file of document ${document.id} is ${checked.problem === 'missing' ? 'missing' : 'not the one uploaded'}; it is not served`, { problem: checked.problem });
    }
    // The type is what the store checked and the name is the id: nothing the uploader chose reaches these headers.
    return reply.type('application/pdf').header('x-content-type-options', 'nosniff')
      .header('content-disposition', `inline; filename="${document.id}.pdf"`)
      .header('cache-control', 'private, no-store').send(checked.bytes);
  });

  api.post('/api/documents/:id/withdraw', {
    config: { right: 'manage-documents' },
    schema: { tags, params: DocumentParams, response: { 200: SiteDocument, ...errors }, description: 'Withdraws a document: only those who keep documents open it from now on.' },
  }, async (request) => commands.handle(signedInActor(request), { document: request.params.id }, { type: 'withdraw-document' }));
};
