import ICAL from 'ical.js';
import { Invalid } from '../domain-error.ts';

/** Past this year a yearly holiday stops repeating: far enough for any clock, near enough to end. */
const LAST_YEAR = 2200;
const MAX_DATES = 20_000;
/** A holiday event longer than this many days is taken as an error in the file, not as holidays. */
const MAX_SPAN_DAYS = 62;

const badFile = (why: string) => new Invalid('BAD_HOLIDAY_FILE', `the holiday file does not parse: ${why}`);

const dateOf = (t: ICAL.Time): string =>
  `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

/** The dates one occurrence covers: its start date, and each following date before its end. */
function datesOf(start: ICAL.Time, end: ICAL.Time | null, into: Set<string>): void {
  const day = start.clone();
  day.isDate = true;
  into.add(dateOf(day));
  if (!end) return;
  for (let n = 1; n < MAX_SPAN_DAYS; n++) {
    day.adjust(1, 0, 0, 0);
    if (day.compareDateOnlyTz(end, ICAL.Timezone.utcTimezone) >= 0 || (!end.isDate && dateOf(day) > dateOf(end))) return;
    into.add(dateOf(day));
  }
}

/**
 * The holiday dates an iCalendar file names (RFC 5545, as national holiday calendars publish
 * them): every event's dates, a multi-day event's each day, a recurring event's occurrences
 * (a yearly one up to the year 2200). Dates are the events' own calendar dates.
 */
export function holidayDates(text: string): Set<string> {
  try {
    return datesIn(text);
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw badFile(error instanceof Error ? error.message.slice(0, 200) : 'unreadable');
  }
}

function datesIn(text: string): Set<string> {
  if (!/BEGIN:VCALENDAR/i.test(text)) throw badFile('no VCALENDAR in it');
  const parsed = ICAL.parse(text) as unknown[] | unknown[][];
  const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
  const calendars = roots.map((jcal) => new ICAL.Component(jcal)).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw badFile('no VCALENDAR in it');
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  if (events.length === 0) throw badFile('no VEVENT in it');
  const dates = new Set<string>();
  for (const component of events) {
    const event = new ICAL.Event(component);
    if (!event.startDate) throw badFile('an event without DTSTART');
    const length = event.endDate ? event.endDate.subtractDate(event.startDate) : null;
    if (!event.isRecurring()) {
      datesOf(event.startDate, event.endDate ?? null, dates);
      continue;
    }
    const occurrences = event.iterator();
    for (let next = occurrences.next(); next && next.year <= LAST_YEAR && dates.size < MAX_DATES; next = occurrences.next()) {
      const end = length ? next.clone() : null;
      if (end && length) end.addDuration(length);
      datesOf(next, end, dates);
    }
  }
  return dates;
}
