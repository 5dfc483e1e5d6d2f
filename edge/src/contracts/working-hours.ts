import { z } from 'zod';

/** Days of the week as the calendar names them, Monday first (ISO 8601 day 1…7). */
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

/** A local wall-clock time, `HH:MM`; `24:00` ends a day. */
export const LocalTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM (00:00 to 24:00)');
/** A calendar date, `YYYY-MM-DD`. */
export const LocalDate = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'a date is YYYY-MM-DD');

/** One stretch of working time on a day, in the site's local time; `from` before `to`. */
export const WorkingHours = z.strictObject({ from: LocalTime, to: LocalTime });
export type WorkingHours = z.infer<typeof WorkingHours>;

/**
 * A site's working-hours calendar: the time zone (IANA, e.g. `Europe/Oslo`), the hours of
 * each weekday (a day left out is not worked), public holidays as dates, and optionally
 * an iCalendar file (RFC 5545 text) whose all-day events are holidays too. Service-level
 * clocks run only inside these hours; schedules use the same calendar.
 */
export const WorkingCalendarBody = z.strictObject({
  timeZone: z.string().min(1).max(64),
  hours: z.partialRecord(Weekday, z.array(WorkingHours).max(6)),
  holidays: z.array(LocalDate).max(1000).default([]),
  holidayCalendar: z.string().max(500_000).nullable().default(null),
});
export type WorkingCalendarBody = z.input<typeof WorkingCalendarBody>;

/** The calendar as kept and read back: the iCalendar text is kept as sent. */
export const WorkingCalendar = z.object({
  timeZone: z.string(),
  hours: z.partialRecord(Weekday, z.array(WorkingHours)),
  holidays: z.array(LocalDate),
  holidayCalendar: z.string().nullable(),
});
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

/** A site that never set its calendar works Monday to Friday, 08:00–16:00, in UTC. */
export const defaultWorkingCalendar: WorkingCalendar = {
  timeZone: 'UTC',
  hours: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ from: '08:00', to: '16:00' }]])),
  holidays: [],
  holidayCalendar: null,
};
