import { Temporal } from 'temporal-polyfill';
import type { Weekday, WorkingCalendar } from '../contracts/index.ts';
import { Weekday as Weekdays } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import { holidayDates } from './holiday-file.ts';

/** A span of working time as epoch milliseconds, start inclusive, end exclusive. */
type Span = readonly [number, number];

/** One local date with the instants it begins and ends at and its working spans; `next` once asked for. */
interface Day { readonly date: Temporal.PlainDate; readonly start: number; readonly end: number; readonly spans: readonly Span[]; next?: Day }

/** How far ahead a clock looks for working time before it takes the calendar as broken. */
const MAX_DAYS_AHEAD = 3 * 366;
const CACHE_DAYS = 4000;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const msOf = (duration: Temporal.Duration | number) =>
  typeof duration === 'number' ? duration : duration.total({ unit: 'milliseconds' });

function zoneOf(timeZone: string): string {
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  } catch {
    throw new Invalid('INVALID_TIME_ZONE', `${JSON.stringify(timeZone.slice(0, 64))} is not a time zone the gateway knows`, { timeZone });
  }
}

function checkHours(hours: WorkingCalendar['hours']): void {
  let any = false;
  for (const day of Weekdays.options) {
    const spans = [...(hours[day] ?? [])].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    spans.forEach((span, i) => {
      if (minutesOf(span.to) <= minutesOf(span.from)) throw new Invalid('BAD_WORKING_HOURS', `on ${day}, ${span.from}–${span.to} does not end after it starts`, { day, ...span });
      const before = spans[i - 1];
      if (before && minutesOf(before.to) > minutesOf(span.from)) {
        throw new Invalid('OVERLAPPING_HOURS', `on ${day}, ${before.from}–${before.to} overlaps ${span.from}–${span.to}`, { day, first: before, second: span });
      }
      any = true;
    });
  }
  if (!any) throw new Invalid('NO_WORKING_HOURS', 'the calendar has no working hours on any day');
}

/**
 * A site's working hours, ready to count with: the clock of service levels and the
 * calendar of schedules. Local times are read in the site's time zone on each date, so a
 * day's hours stay at their wall-clock times across daylight-saving changes, and a working
 * day that spans a change is as long as the clock on the wall says (23 or 25 hours for a
 * day worked round the clock). Built by `workingCalendar`, which refuses a bad definition.
 */
export class WorkingTime {
  readonly timeZone: string;
  readonly #hours: ReadonlyMap<number, readonly { from: Temporal.PlainTime | null; to: Temporal.PlainTime | null }[]>;
  readonly #holidays: ReadonlySet<string>;
  readonly #days = new Map<string, Day>();
  /** The day last looked up by instant: a clock asks about the same day or the next one many times in a row. */
  #recent: Day | undefined;

  constructor(readonly definition: WorkingCalendar) {
    this.timeZone = zoneOf(definition.timeZone);
    checkHours(definition.hours);
    const holidays = new Set(definition.holidays);
    if (definition.holidayCalendar) for (const date of holidayDates(definition.holidayCalendar)) holidays.add(date);
    this.#holidays = holidays;
    const clock = (t: string) => (t === '24:00' ? null : Temporal.PlainTime.from(t));
    this.#hours = new Map(Weekdays.options.map((day, i) => [i + 1, (definition.hours[day as Weekday] ?? []).map((h) => ({ from: clock(h.from), to: clock(h.to) }))]));
  }

  isHoliday(date: Temporal.PlainDate | string): boolean {
    return this.#holidays.has(date.toString());
  }

  /** A date with working hours that is not a holiday: where schedules move work that falls on a day off. */
  isWorkingDay(date: Temporal.PlainDate | string): boolean {
    return this.#day(Temporal.PlainDate.from(date)).spans.length > 0;
  }

  /** The first working day on or after `date`. */
  nextWorkingDay(date: Temporal.PlainDate | string): Temporal.PlainDate {
    let day = Temporal.PlainDate.from(date);
    for (let n = 0; n < MAX_DAYS_AHEAD; n++, day = day.add({ days: 1 })) if (this.isWorkingDay(day)) return day;
    throw new Error(`no working day within ${MAX_DAYS_AHEAD} days of ${date.toString()}`);
  }

  isWorkingTime(at: Temporal.Instant | number): boolean {
    const ms = typeof at === 'number' ? at : at.epochMilliseconds;
    return this.#dayAt(ms).spans.some(([s, e]) => s <= ms && ms < e);
  }

  /** `at` itself inside working hours, else when working hours next begin. */
  nextWorkingStart(at: Temporal.Instant): Temporal.Instant {
    return Temporal.Instant.fromEpochMilliseconds(this.addWorkingMs(at.epochMilliseconds, 0, true));
  }

  /** The instant `duration` of working time after `start`; outside working hours the count begins when they do. */
  addWorkingTime(start: Temporal.Instant, duration: Temporal.Duration | number): Temporal.Instant {
    return Temporal.Instant.fromEpochMilliseconds(this.addWorkingMs(start.epochMilliseconds, msOf(duration)));
  }

  /** How much working time lies between `a` and `b` (none when `b` is not after `a`). */
  workingTimeBetween(a: Temporal.Instant, b: Temporal.Instant): Temporal.Duration {
    return Temporal.Duration.from({ milliseconds: this.workingMsBetween(a.epochMilliseconds, b.epochMilliseconds) }).round({ largestUnit: 'hours' });
  }

  /** `addWorkingTime` on epoch milliseconds; with `toStart`, a zero duration still moves to working hours. */
  addWorkingMs(startMs: number, ms: number, toStart = false): number {
    if (ms <= 0 && !toStart) return startMs;
    let left = Math.max(0, ms);
    let day = this.#dayAt(startMs);
    for (let n = 0; n < MAX_DAYS_AHEAD; n++, day = this.#after(day)) {
      for (const [s, e] of day.spans) {
        const from = Math.max(s, startMs);
        if (from >= e) continue;
        if (left === 0 && toStart) return from;
        if (left <= e - from) return from + left;
        left -= e - from;
      }
    }
    throw new Error(`no working time within ${MAX_DAYS_AHEAD} days of ${new Date(startMs).toISOString()}`);
  }

  workingMsBetween(aMs: number, bMs: number): number {
    if (bMs <= aMs) return 0;
    let total = 0;
    for (let day = this.#dayAt(aMs); day.start <= bMs; day = this.#after(day)) {
      for (const [s, e] of day.spans) total += Math.max(0, Math.min(e, bMs) - Math.max(s, aMs));
    }
    return total;
  }

  /** The local day `ms` falls on; Temporal is asked only when it is not the day last asked about or the one after. */
  #dayAt(ms: number): Day {
    const recent = this.#recent;
    if (recent && recent.start <= ms && ms < recent.end) return recent;
    const next = recent?.next;
    if (next && next.start <= ms && ms < next.end) return (this.#recent = next);
    return (this.#recent = this.#day(Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.timeZone).toPlainDate()));
  }

  #after(day: Day): Day {
    return (day.next ??= this.#day(day.date.add({ days: 1 })));
  }

  #day(date: Temporal.PlainDate): Day {
    const key = date.toString();
    const known = this.#days.get(key);
    if (known) return known;
    // A day begins when its first instant does (not always 00:00 where a change skips midnight) and ends when the next begins.
    const start = date.toZonedDateTime({ timeZone: this.timeZone }).epochMilliseconds;
    const end = date.add({ days: 1 }).toZonedDateTime({ timeZone: this.timeZone }).epochMilliseconds;
    const at = (time: Temporal.PlainTime | null) => (time ? date.toZonedDateTime({ timeZone: this.timeZone, plainTime: time }).epochMilliseconds : end);
    const spans: Span[] = this.#holidays.has(key) ? [] : (this.#hours.get(date.dayOfWeek) ?? []).map((h) => [at(h.from), at(h.to)] as const);
    spans.sort((x, y) => x[0] - y[0]);
    if (this.#days.size >= CACHE_DAYS) this.#days.clear();
    const day: Day = { date, start, end, spans };
    this.#days.set(key, day);
    return day;
  }
}

/** The site's calendar, checked: an unknown time zone, hours that overlap or end before they start, or a holiday file that does not parse is refused (400). */
export function workingCalendar(definition: WorkingCalendar): WorkingTime {
  return new WorkingTime(definition);
}
