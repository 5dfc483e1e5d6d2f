import { Temporal } from 'temporal-polyfill';
import { RRuleTemporal } from 'rrule-temporal';
import type { HolidayPolicy, Occurrence } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { WorkingDays } from './working-days.ts';

/** What of a schedule its occurrences depend on. */
export interface RecurrenceSpec {
  rrule: string;
  start: string;
  timeZone: string;
  leadMinutes: number;
  holidays: HolidayPolicy;
}

export interface Recurrence {
  readonly spec: RecurrenceSpec;
  readonly rule: RRuleTemporal;
  readonly dtstart: Temporal.ZonedDateTime;
  /** The rule has a COUNT or an UNTIL. */
  readonly ends: boolean;
}

const allowedFreq = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY']);
/** How far a day off may push an occurrence before it is given up. */
const MAX_MOVE_DAYS = 31;

export function validTimeZone(timeZone: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Reads a schedule's rule, refusing what cannot be planned with: a bad zone, start or rule, or one that yields nothing. */
export function recurrenceOf(spec: RecurrenceSpec): Recurrence {
  if (!validTimeZone(spec.timeZone)) throw new Invalid('UNKNOWN_TIME_ZONE', `${spec.timeZone} is not a time zone`, { timeZone: spec.timeZone });
  let dtstart: Temporal.ZonedDateTime;
  try {
    dtstart = Temporal.PlainDateTime.from(spec.start, { overflow: 'reject' }).toZonedDateTime(spec.timeZone);
  } catch {
    throw new Invalid('BAD_START', `${spec.start} is not a date and time`, { start: spec.start });
  }
  const text = spec.rrule.replace(/^RRULE:/i, '').toUpperCase();
  const parts = new Map(text.split(';').map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  if (!freq) throw new Invalid('BAD_RRULE', 'the rule names no FREQ', { rrule: spec.rrule });
  if (freq === 'MINUTELY' || freq === 'SECONDLY') throw new Invalid('RRULE_TOO_FREQUENT', `planned work cannot recur ${freq.toLowerCase()}`, { freq });
  if (!allowedFreq.has(freq)) throw new Invalid('BAD_RRULE', `FREQ=${freq} is not a frequency`, { rrule: spec.rrule });
  if (parts.has('DTSTART')) throw new Invalid('BAD_RRULE', 'the start is given apart from the rule', { rrule: spec.rrule });
  let rule: RRuleTemporal;
  try {
    rule = new RRuleTemporal({ rruleString: text, dtstart, maxIterations: 2000 });
  } catch (error) {
    throw new Invalid('BAD_RRULE', `the rule cannot be read: ${(error as Error).message}`.slice(0, 300), { rrule: spec.rrule });
  }
  const recurrence = { spec, rule, dtstart, ends: parts.has('COUNT') || parts.has('UNTIL') };
  if (!firstPlanned(recurrence)) throw new Invalid('RRULE_EMPTY', 'the rule yields no occurrence from its start', { rrule: spec.rrule, start: spec.start });
  return recurrence;
}

/** The rule's first occurrence, or null when it yields none (an impossible date, an UNTIL before the start). */
function firstPlanned(r: Recurrence): Temporal.ZonedDateTime | null {
  return nextPlanned(r, r.dtstart.epochMilliseconds, true);
}

function nextPlanned(r: Recurrence, afterMs: number, inclusive: boolean): Temporal.ZonedDateTime | null {
  try {
    return r.rule.next(new Date(afterMs), inclusive) as Temporal.ZonedDateTime | null;
  } catch {
    // The library gives up on a rule that matches no date within its iteration budget.
    return null;
  }
}

/** Where a planned occurrence lands on the site's calendar: as planned, moved to the next working day, or left out. */
export function occurrenceAt(r: Recurrence, planned: Temporal.ZonedDateTime, days: WorkingDays): Omit<Occurrence, 'ticket'> | null {
  let at = planned;
  if (!days.isWorkingDay(planned.toPlainDate())) {
    if (r.spec.holidays === 'skip') return null;
    let date = planned.toPlainDate();
    let moved = 0;
    do {
      date = date.add({ days: 1 });
      if (++moved > MAX_MOVE_DAYS) return null;
    } while (!days.isWorkingDay(date));
    at = date.toZonedDateTime({ timeZone: r.spec.timeZone, plainTime: planned.toPlainTime() });
  }
  return {
    key: planned.toInstant().toString(),
    at: at.toString({ timeZoneName: 'never' }),
    local: at.toPlainDateTime().toString({ smallestUnit: 'minute' }),
    opensAt: at.toInstant().subtract({ minutes: r.spec.leadMinutes }).toString(),
    moved: at !== planned,
  };
}

/**
 * Occurrences planned from `fromMs` (inclusive) on, in order, as they land on the calendar, at most
 * `limit`; the rule is walked no further than `toMs` (inclusive) when given.
 */
export function occurrences(r: Recurrence, fromMs: number, toMs: number | null, days: WorkingDays, limit: number): { list: Omit<Occurrence, 'ticket'>[]; more: boolean } {
  const list: Omit<Occurrence, 'ticket'>[] = [];
  let cursor = fromMs;
  let inclusive = true;
  // Days off may leave many planned dates out; the walk is bounded all the same.
  for (let steps = 0; steps < limit * 4 + 64; steps++) {
    const planned = nextPlanned(r, cursor, inclusive);
    if (!planned || (toMs !== null && planned.epochMilliseconds > toMs)) return { list, more: false };
    if (list.length === limit) return { list, more: true };
    const landed = occurrenceAt(r, planned, days);
    if (landed) list.push(landed);
    cursor = planned.epochMilliseconds;
    inclusive = false;
  }
  return { list, more: true };
}
