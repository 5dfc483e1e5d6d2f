import { z } from 'zod';
import { InstallationId } from './directory.ts';
import { Priority } from './domain.ts';
import { CategoryId, IsoTime, RoomId, TicketId } from './ids.ts';
import { Text } from './text.ts';

export const ThresholdId = z.string().regex(/^H-[A-Za-z0-9_-]{4,24}$/, 'a threshold rule id looks like H-x7Kq2m');

/** Where the readings come from: the devices of a room, or of the room an installation stands in. */
export const ThresholdPlace = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('room'), room: RoomId }),
  z.strictObject({ kind: z.literal('installation'), installation: InstallationId }),
]);
export type ThresholdPlace = z.infer<typeof ThresholdPlace>;

export const ThresholdFields = z.strictObject({
  title: Text(120),
  place: ThresholdPlace,
  /** The sensor as devices name it in their readings (`temperature`, `co2`). */
  measure: z.string().trim().min(1).max(40),
  /** Outside the band: a reading above (or below) `limit`. */
  direction: z.enum(['above', 'below']),
  limit: z.number().finite(),
  /** How long the readings must stay outside before work opens; 0: at the first one. */
  forMinutes: z.number().int().min(0).max(24 * 60),
  category: CategoryId,
  priority: Priority.optional(),
  active: z.boolean().optional(),
});
export const ThresholdBody = ThresholdFields;
export type ThresholdBody = z.infer<typeof ThresholdBody>;
export const ThresholdPatch = ThresholdFields.partial().refine((b) => Object.keys(b).length > 0, 'name at least one field to change');
export type ThresholdPatch = z.infer<typeof ThresholdPatch>;

/** An excursion outside the band: since when, the last reading outside and, once it lasted long enough, the ticket it opened. */
export const Excursion = z.object({ rule: ThresholdId, since: IsoTime, lastAt: IsoTime, value: z.number(), ticket: TicketId.nullable() });
export type Excursion = z.infer<typeof Excursion>;

export const ThresholdRule = z.object({
  id: ThresholdId,
  title: z.string(),
  place: ThresholdPlace,
  /** The room whose devices' readings count. */
  room: RoomId,
  measure: z.string(),
  direction: z.enum(['above', 'below']),
  limit: z.number(),
  forMinutes: z.number().int(),
  category: CategoryId,
  priority: Priority,
  active: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ThresholdRule = z.infer<typeof ThresholdRule>;

/** A rule as listed: with the excursion under way, if any. */
export const ThresholdView = ThresholdRule.extend({ excursion: Excursion.nullable() });
export const ThresholdList = z.object({ thresholds: z.array(ThresholdView) });
export const ThresholdParams = z.strictObject({ id: ThresholdId });
