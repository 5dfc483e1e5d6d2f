import { z } from 'zod';
import { IsoTime, RoomId } from './ids.ts';
import { Role } from './domain.ts';
import { Text } from './text.ts';

export const AnnouncementLanguage = z.enum(['en', 'zh', 'nb', 'nl']);
export type AnnouncementLanguage = z.infer<typeof AnnouncementLanguage>;

export const AnnouncementId = z.string().regex(/^A-[A-Za-z0-9_-]{6,24}$/, 'an announcement id looks like A-x7Kq2m9p');

/** Words in one or more of the four languages, as staff typed them; shown as plain text everywhere. */
const Words = (max: number) => z.partialRecord(AnnouncementLanguage, Text(max))
  .refine((words) => Object.keys(words).length > 0, 'give the words in at least one of en, zh, nb, nl');

/** Whom an announcement is for: the whole building, a floor, a zone, a room, a tenant company, or people of a role. */
export const AnnouncementTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('building') }),
  z.strictObject({ kind: z.literal('floor'), floor: z.number().int().min(-10).max(300) }),
  z.strictObject({ kind: z.literal('zone'), zone: Text(40) }),
  z.strictObject({ kind: z.literal('room'), room: RoomId }),
  z.strictObject({ kind: z.literal('company'), company: Text(120) }),
  z.strictObject({ kind: z.literal('role'), role: Role }),
]);
export type AnnouncementTarget = z.infer<typeof AnnouncementTarget>;

/** `scheduled` until its start, `live` until its expiry (`expired`) or until staff take it down (`withdrawn`). */
export const AnnouncementStatus = z.enum(['scheduled', 'live', 'expired', 'withdrawn']);
export type AnnouncementStatus = z.infer<typeof AnnouncementStatus>;

export const Announcement = z.object({
  id: AnnouncementId,
  title: Words(120),
  text: Words(2000),
  targets: z.array(AnnouncementTarget).min(1).max(50),
  startsAt: IsoTime,
  expiresAt: IsoTime,
  status: AnnouncementStatus,
  /** The rooms the targets name, as they stood when it went live (empty before). */
  rooms: z.array(RoomId),
  createdBy: z.string(),
  createdAt: IsoTime,
  /** When it went live, and when it came down. */
  startedAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
});
export type Announcement = z.infer<typeof Announcement>;

export const CreateAnnouncementBody = z.strictObject({
  title: Words(120),
  text: Words(2000),
  targets: z.array(AnnouncementTarget).min(1).max(50),
  /** Absent: now. */
  startsAt: IsoTime.optional(),
  expiresAt: IsoTime,
});
export type CreateAnnouncementBody = z.infer<typeof CreateAnnouncementBody>;

export const AnnouncementParams = z.strictObject({ id: AnnouncementId });
export const AnnouncementListQuery = z.strictObject({ status: AnnouncementStatus.optional() });

/** How far an announcement went: rooms and their signs, persons targeted, mails queued, tenants who read it. */
export const AnnouncementReach = z.object({
  rooms: z.number().int().nonnegative(),
  signs: z.number().int().nonnegative(),
  persons: z.number().int().nonnegative(),
  mailed: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
});
export type AnnouncementReach = z.infer<typeof AnnouncementReach>;

export const AnnouncementWithReach = Announcement.extend({ reach: AnnouncementReach });
export const AnnouncementList = z.object({ announcements: z.array(AnnouncementWithReach) });
export type AnnouncementList = z.infer<typeof AnnouncementList>;

/** What occupants, tenants and signs are shown: the words, and until when; never who wrote it. */
export const PublicAnnouncement = z.object({
  id: AnnouncementId,
  title: z.partialRecord(AnnouncementLanguage, z.string()),
  text: z.partialRecord(AnnouncementLanguage, z.string()),
  startsAt: IsoTime,
  until: IsoTime,
});
export type PublicAnnouncement = z.infer<typeof PublicAnnouncement>;
export const PublicAnnouncements = z.object({ announcements: z.array(PublicAnnouncement) });
export type PublicAnnouncements = z.infer<typeof PublicAnnouncements>;

/** What a signed-in reader is shown: the announcements meant for them now, and whether they said they read each. */
export const ReaderAnnouncements = z.object({ announcements: z.array(PublicAnnouncement.extend({ read: z.boolean() })) });
export type ReaderAnnouncements = z.infer<typeof ReaderAnnouncements>;

/** Retained on `doorside/{site}/rooms/{room}/announcement` while one is live there; an empty retained payload clears it. */
export const RoomAnnouncementMessage = PublicAnnouncement.extend({ room: RoomId });
export type RoomAnnouncementMessage = z.infer<typeof RoomAnnouncementMessage>;

/** A signed-in reader's receipt. */
export const AnnouncementReceipt = z.object({ announcement: AnnouncementId, reader: z.string(), at: IsoTime });
export type AnnouncementReceipt = z.infer<typeof AnnouncementReceipt>;

export const publicAnnouncement = (a: Announcement): PublicAnnouncement =>
  ({ id: a.id, title: a.title, text: a.text, startsAt: a.startsAt, until: a.expiresAt });
