import { z } from 'zod';
import { InstallationId } from './directory.ts';
import { Priority } from './domain.ts';
import { CategoryId, IsoTime, RoomId, ScheduleId, TeamId, TicketId } from './ids.ts';
import { Text } from './text.ts';


/** Where the planned work happens: one room, every room of a zone (the work opens in its first room), or an installation. */
export const SchedulePlace = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('room'), room: RoomId }),
  z.strictObject({ kind: z.literal('zone'), zone: Text(40) }),
  z.strictObject({ kind: z.literal('installation'), installation: InstallationId }),
]);
export type SchedulePlace = z.infer<typeof SchedulePlace>;

/** A wall-clock time with no zone, read in the schedule's time zone: `2026-12-07T08:00`. */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a local date and time looks like 2026-12-07T08:00');

/** What an occurrence that falls on a day off does: left out, or moved to the next working day at the same time. */
export const HolidayPolicy = z.enum(['skip', 'next-working-day']);
export type HolidayPolicy = z.infer<typeof HolidayPolicy>;

/** An RFC 5545 recurrence rule without its DTSTART (`FREQ=WEEKLY;BYDAY=MO`); a leading `RRULE:` is accepted. */
export const RecurrenceRule = z.string().min(1).max(500).regex(/^(RRULE:)?[A-Za-z0-9=;,+\-:]+$/, 'a recurrence rule looks like FREQ=WEEKLY;BYDAY=MO');

export const ScheduleFields = z.strictObject({
  title: Text(120),
  place: SchedulePlace,
  rrule: RecurrenceRule,
  /** The first occurrence (DTSTART), local to `timeZone`. */
  start: LocalDateTime,
  /** An IANA time zone, e.g. Europe/Oslo. */
  timeZone: z.string().min(1).max(64),
  category: CategoryId,
  /** The team the work goes to; absent: the category's team. */
  team: TeamId.optional(),
  priority: Priority.optional(),
  /** The checklist each occurrence's ticket carries. */
  checklist: z.array(Text(200)).max(30).optional(),
  /** How long before the occurrence its ticket appears. */
  leadMinutes: z.number().int().min(0).max(60 * 24 * 90).optional(),
  holidays: HolidayPolicy.optional(),
  active: z.boolean().optional(),
});
export const ScheduleBody = ScheduleFields;
export type ScheduleBody = z.infer<typeof ScheduleBody>;
export const SchedulePatch = ScheduleFields.partial().refine((b) => Object.keys(b).length > 0, 'name at least one field to change');
export type SchedulePatch = z.infer<typeof SchedulePatch>;

export const Schedule = z.object({
  id: ScheduleId,
  title: z.string(),
  place: SchedulePlace,
  rrule: z.string(),
  start: LocalDateTime,
  timeZone: z.string(),
  category: CategoryId,
  team: TeamId,
  priority: Priority,
  checklist: z.array(z.string()),
  leadMinutes: z.number().int().nonnegative(),
  holidays: HolidayPolicy,
  active: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Occurrences planned from here on are made; earlier ones belong to the rule as it was before. */
  since: IsoTime,
});
export type Schedule = z.infer<typeof Schedule>;

/** One occurrence: planned by the rule (`key`, its identity), due at `at` (moved off a day off), its ticket once made. */
export const Occurrence = z.object({
  key: IsoTime,
  at: IsoTime,
  /** `at` on the wall clock of the schedule's time zone. */
  local: LocalDateTime,
  opensAt: IsoTime,
  moved: z.boolean(),
  ticket: TicketId.nullable(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const ScheduleView = Schedule.extend({ next: Occurrence.nullable() });
export type ScheduleView = z.infer<typeof ScheduleView>;
export const ScheduleList = z.object({ schedules: z.array(ScheduleView) });
export const ScheduleParams = z.strictObject({ id: ScheduleId });
export const OccurrenceQuery = z.strictObject({
  from: IsoTime.optional(),
  /** Needed when the rule never ends (no COUNT or UNTIL). */
  to: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export const OccurrenceList = z.object({ schedule: ScheduleId, occurrences: z.array(Occurrence), more: z.boolean() });

