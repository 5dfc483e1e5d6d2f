import { z } from 'zod';
import { idPatterns } from './vocabulary.ts';

const slug = (what: string) =>
  z.string().regex(idPatterns.slug, `${what} is lowercase letters, digits, - or _ (at most 48)`);

export const SiteId = slug('a site id');
export const RoomId = slug('a room id');
export const TeamId = slug('a team id');
export const CategoryId = slug('a category id');
export const DeviceId = slug('a device id');
export const Username = z.string().regex(idPatterns.username, 'a username is lowercase letters, digits, ., - or _');
export const TicketId = z.string().regex(idPatterns.ticket, 'a ticket id looks like T-1024');
/** A random, unguessable token as it appears in links (base64url, 22+ characters). */
export const Token = z.string().regex(idPatterns.token, 'not a valid token');
/** A stored file's id: a ticket's photo, a vendor's photo or PDF. */
export const AttachmentId = z.string().regex(idPatterns.attachment, 'an attachment id looks like A-…');
/** A SHA-256 digest as hex: a file's, a token's, an event's hash. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash is 64 lowercase hex digits');
export const IsoTime = z.iso.datetime({ offset: true });
export const ScheduleId = z.string().regex(/^S-[A-Za-z0-9_-]{4,24}$/, 'a schedule id looks like S-x7Kq2m');
export type ScheduleId = z.infer<typeof ScheduleId>;

export type SiteId = z.infer<typeof SiteId>;
export type RoomId = z.infer<typeof RoomId>;
export type TeamId = z.infer<typeof TeamId>;
export type CategoryId = z.infer<typeof CategoryId>;
export type DeviceId = z.infer<typeof DeviceId>;
export type Username = z.infer<typeof Username>;
export type TicketId = z.infer<typeof TicketId>;
