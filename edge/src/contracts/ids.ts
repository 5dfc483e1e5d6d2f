import { z } from 'zod';

const slug = (what: string) =>
  z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, `${what} is lowercase letters, digits, - or _ (at most 48)`);

export const SiteId = slug('a site id');
export const RoomId = slug('a room id');
export const TeamId = slug('a team id');
export const CategoryId = slug('a category id');
export const DeviceId = slug('a device id');
export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,47}$/, 'a username is lowercase letters, digits, ., - or _');
export const TicketId = z.string().regex(/^T-\d{1,9}$/, 'a ticket id looks like T-1024');
/** A random, unguessable token as it appears in links (base64url, 22+ characters). */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, 'not a valid token');
export const IsoTime = z.iso.datetime({ offset: true });

export type SiteId = z.infer<typeof SiteId>;
export type RoomId = z.infer<typeof RoomId>;
export type TeamId = z.infer<typeof TeamId>;
export type CategoryId = z.infer<typeof CategoryId>;
export type DeviceId = z.infer<typeof DeviceId>;
export type Username = z.infer<typeof Username>;
export type TicketId = z.infer<typeof TicketId>;
