import { z } from 'zod';
import { Role } from './domain.ts';
import { IsoTime, RoomId, Sha256Hex } from './ids.ts';
import { UnitId } from './directory.ts';
import { AnnouncementLanguage } from './announcement.ts';
import { Text } from './text.ts';

export const DocumentId = z.string().regex(/^D-[A-Za-z0-9_-]{6,24}$/, 'a document id looks like D-x7Kq2m9p');
export type DocumentId = z.infer<typeof DocumentId>;

/** What a document is: the house rules, a fire plan, a lease or service contract, an inspection certificate. */
export const DocumentKind = z.enum(['house_rules', 'fire_plan', 'contract', 'certificate', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Where a document belongs: the whole building, a floor, a tenant's unit, one room, or a tenant company. */
export const DocumentPlace = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('building') }),
  z.strictObject({ kind: z.literal('floor'), floor: z.number().int().min(-10).max(300) }),
  z.strictObject({ kind: z.literal('unit'), unit: UnitId }),
  z.strictObject({ kind: z.literal('room'), room: RoomId }),
  z.strictObject({ kind: z.literal('company'), company: Text(120) }),
]);
export type DocumentPlace = z.infer<typeof DocumentPlace>;

/** The roles a document may be opened by: tenants (as its place reaches them) and the property side's staff. */
export const DocumentReader = Role.extract(['tenant', 'tenant_admin', 'staff', 'supervisor', 'floor_manager', 'reception', 'facility_head', 'admin']);
export type DocumentReader = z.infer<typeof DocumentReader>;

const Titles = z.partialRecord(AnnouncementLanguage, Text(160))
  .refine((words) => Object.keys(words).length > 0, 'give the title in at least one of en, zh, nb, nl');

/** The stored file: a PDF, judged by its bytes; its SHA-256 is also in the upload's audit event. */
export const DocumentFile = z.object({
  id: z.string().max(64),
  name: z.string().max(200),
  type: z.literal('application/pdf'),
  size: z.number().int().nonnegative(),
  sha256: Sha256Hex,
});
export type DocumentFile = z.infer<typeof DocumentFile>;

export const DocumentStatus = z.enum(['current', 'withdrawn']);

export const SiteDocument = z.object({
  id: DocumentId,
  kind: DocumentKind,
  title: Titles,
  place: DocumentPlace,
  readers: z.array(DocumentReader).min(1),
  /** The rooms its place names, as they stood at the upload. */
  rooms: z.array(RoomId),
  file: DocumentFile,
  status: DocumentStatus,
  uploadedBy: z.string(),
  uploadedAt: IsoTime,
  withdrawnAt: IsoTime.nullable(),
});
export type SiteDocument = z.infer<typeof SiteDocument>;

/** What an upload says besides its file (the multipart field `meta`, as JSON). */
export const DocumentMeta = z.strictObject({
  kind: DocumentKind,
  title: Titles,
  place: DocumentPlace,
  readers: z.array(DocumentReader).min(1).max(8),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** The multipart text fields of an upload; the file goes in the field `file`. */
export const DocumentUploadFields = z.strictObject({ meta: z.string().min(2).max(8000) });

export const DocumentParams = z.strictObject({ id: DocumentId });
export const DocumentList = z.object({ documents: z.array(SiteDocument) });
export type DocumentList = z.infer<typeof DocumentList>;

/** One document's file against the digest its upload event recorded. */
export const DocumentCheck = z.object({
  id: DocumentId,
  ok: z.boolean(),
  /** `missing`: no file; `changed`: its bytes are not the ones uploaded. */
  problem: z.enum(['missing', 'changed']).nullable(),
  /** The digest the audit log holds for it. */
  sha256: z.string(),
});
export type DocumentCheck = z.infer<typeof DocumentCheck>;
export const DocumentsVerified = z.object({ ok: z.boolean(), checked: z.number().int(), failed: z.array(DocumentCheck) });
export type DocumentsVerified = z.infer<typeof DocumentsVerified>;
