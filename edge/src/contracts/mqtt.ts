import { z } from 'zod';
import { CategoryId, IsoTime, RoomId, TicketId } from './ids.ts';
import { RoomAlternative, RoomStatus } from './domain.ts';
import { Text } from './text.ts';
import { Names, Phrase } from './phrase.ts';

export const topics = {
  roomStatus: (site: string, room: string) => `doorside/${site}/rooms/${room}/status`,
  presence: (site: string, device: string) => `doorside/${site}/devices/${device}/presence`,
  deviceEvents: (site: string, device: string) => `doorside/${site}/devices/${device}/events`,
  deviceCommands: (site: string, device: string) => `doorside/${site}/devices/${device}/commands`,
  teamNotifications: (site: string, team: string) => `doorside/${site}/teams/${team}/notifications`,
  /** Retained while an announcement is live in the room; an empty retained payload clears it. */
  roomAnnouncement: (site: string, room: string) => `doorside/${site}/rooms/${room}/announcement`,
};

/** Retained on `doorside/{site}/rooms/{room}/status`; only the gateway publishes it. */
export const RoomStatusMessage = z.object({
  room: RoomId,
  name: z.string(),
  status: RoomStatus,
  since: IsoTime,
  reason: z.string(),
  reasonPhrase: z.optional(Phrase),
  names: z.optional(Names),
  ticket: TicketId.nullable(),
  /** The room to use instead while this one is out of use, when its operators named one. */
  alternative: z.optional(RoomAlternative),
});
export type RoomStatusMessage = z.infer<typeof RoomStatusMessage>;

export const Presence = z.enum(['online', 'offline']);

/** What a device may report on its own `events` topic. */
export const DeviceEvent = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('button'), action: z.enum(['request_service', 'approve', 'reject']),
    reason: Text(200).optional(), category: CategoryId.optional(), at: IsoTime.optional(),
  }),
  z.strictObject({ type: z.literal('scan'), code: z.string().max(200), at: IsoTime.optional() }),
  z.strictObject({ type: z.literal('reading'), sensor: z.string().max(40), value: z.number(), unit: z.string().max(10).optional(), at: IsoTime.optional() }),
]);
export type DeviceEvent = z.infer<typeof DeviceEvent>;

/** What the gateway tells a device on its own `commands` topic. */
export const DeviceCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('show'), text: Text(200), seconds: z.number().int().min(1).max(3600).default(30) }),
  z.strictObject({ type: z.literal('identify'), seconds: z.number().int().min(1).max(120).default(10) }),
  z.strictObject({ type: z.literal('reload') }),
  z.strictObject({ type: z.literal('done'), action: z.string(), ticket: z.string().nullable(), message: z.string() }),
  z.strictObject({ type: z.literal('denied'), action: z.string(), code: z.string(), message: z.string() }),
]);
export type DeviceCommand = z.infer<typeof DeviceCommand>;
