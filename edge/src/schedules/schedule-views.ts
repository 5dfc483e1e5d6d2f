import type { Occurrence, Schedule, ScheduleView } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { occurrences, recurrenceOf } from './recurrence.ts';
import { workingDaysOf } from './site-working-days.ts';

/** The longest window a listing covers. */
const MAX_WINDOW_MS = 3 * 366 * 24 * 3_600_000;

/** A schedule with its next occurrence from now (made or not). */
export function withNext(store: SiteStore, schedule: Schedule, now: string): ScheduleView {
  const { occurrences: list } = occurrenceList(store, schedule, { now, to: undefined, limit: 1, from: undefined }, true);
  return { ...schedule, next: list[0] ?? null };
}

/** The occurrences a schedule makes in a window, with the tickets already made for them. */
export function occurrenceList(store: SiteStore, schedule: Schedule, query: { from?: string | undefined; to?: string | undefined; limit?: number | undefined; now: string }, open = false) {
  const recurrence = recurrenceOf(schedule);
  const fromMs = Date.parse(query.from ?? query.now);
  const toMs = query.to === undefined ? null : Date.parse(query.to);
  if (toMs === null && !recurrence.ends && !open) {
    throw new Invalid('RRULE_UNBOUNDED', 'the rule never ends: give `to` to say where the listing stops', { rrule: schedule.rrule });
  }
  if (toMs !== null && (toMs < fromMs || toMs - fromMs > MAX_WINDOW_MS)) {
    throw new Invalid('BAD_WINDOW', 'the window ends before it starts or is longer than three years', { from: query.from ?? query.now, to: query.to });
  }
  const { list, more } = occurrences(recurrence, fromMs, toMs, workingDaysOf(store), query.limit ?? 100);
  const made = list.length === 0 ? new Map<number, string>() : store.schedules.madeBetween(schedule.id, Date.parse(list[0]!.key), Date.parse(list[list.length - 1]!.key));
  const withTickets: Occurrence[] = list.map((o) => ({ ...o, ticket: made.get(Date.parse(o.key)) ?? null }));
  return { schedule: schedule.id, occurrences: withTickets, more };
}
