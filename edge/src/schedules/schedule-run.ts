import type { Change, Occurrence, Schedule, Ticket } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { openTicket } from '../tickets/open-ticket.ts';
import { reads } from '../tickets/site-reads.ts';
import { dueAt } from '../tickets/sla.ts';
import { occurrences, recurrenceOf } from './recurrence.ts';
import { placeOf } from './schedule-place.ts';
import type { WorkingDays } from './working-days.ts';
import { workingDaysOf } from './site-working-days.ts';

/** After a long stop, at most this many missed occurrences of one schedule are made (the latest); the rest are logged as left out. */
export const CATCH_UP_CAP = 10;
/** How many planned occurrences one run looks at, at most. */
const SCAN = 5000;

/** Occurrences planned from here on are the schedule's to make: after its last one made, and not before its rule took effect. */
function lowerBound(schedule: Schedule, lastMade: number | null): number {
  const since = Date.parse(schedule.since);
  return lastMade === null ? since : Math.max(since, lastMade + 1);
}

/** When the ticket of the schedule's next occurrence is due to be made, or null when the rule has ended. */
export function nextDue(_store: SiteStore, schedule: Schedule, lastMade: number | null, days: WorkingDays): string | null {
  if (!schedule.active) return null;
  const next = occurrences(recurrenceOf(schedule), lowerBound(schedule, lastMade), null, days, 1).list[0];
  return next?.opensAt ?? null;
}

/**
 * Makes the ticket of every occurrence whose time to appear has come, each once: the occurrences
 * made are recorded in the same transaction, and the next run starts after the last of them.
 * After a long stop only the latest CATCH_UP_CAP are made, and the log says how many were left out.
 */
export function runSchedule(store: SiteStore, schedule: Schedule, input: { actor: Actor; at: string; nextTicketId: () => string }) {
  if (!schedule.active) return { changes: [], result: { made: [], dropped: 0 } };
  const days = workingDaysOf(store);
  const recurrence = recurrenceOf(schedule);
  const nowMs = Date.parse(input.at);
  const lower = lowerBound(schedule, store.schedules.lastMade(schedule.id));
  const { list } = occurrences(recurrence, lower, nowMs + schedule.leadMinutes * 60_000, days, SCAN);
  const due: Omit<Occurrence, 'ticket'>[] = [];
  for (const o of list) {
    if (Date.parse(o.opensAt) > nowMs) break;
    due.push(o);
  }
  const kept = due.slice(-CATCH_UP_CAP);
  const dropped = due.length - kept.length;
  const changes: Change[] = [];
  if (dropped > 0) {
    changes.push({ entity: 'schedule-catch-up', type: 'schedule-catch-up-capped', state: { schedule: schedule.id, dropped, first: due[0]!.key, last: due[dropped - 1]!.key } });
  }
  const made: { occurrence: string; ticket: string }[] = [];
  for (const occurrence of kept) {
    const { ticket, changes: opened } = ticketFor(store, schedule, occurrence, input);
    changes.push(...opened);
    made.push({ occurrence: occurrence.key, ticket: ticket.id });
  }
  const after = due.length > 0 ? Date.parse(due[due.length - 1]!.key) : store.schedules.lastMade(schedule.id);
  const next = nextDue(store, schedule, after, days);
  changes.push({ entity: 'schedule-cursor', type: 'schedule-cursor-set', state: { schedule: schedule.id, made, nextDue: next } });
  return { changes, result: { made, dropped } };
}

function ticketFor(store: SiteStore, schedule: Schedule, occurrence: Omit<Occurrence, 'ticket'>, input: { actor: Actor; at: string; nextTicketId: () => string }): { ticket: Ticket; changes: Change[] } {
  const category = { ...reads.category(store, schedule.category), team: schedule.team };
  const { room, installation } = placeOf(store, schedule.place);
  const { ticket, changes } = openTicket({
    id: input.nextTicketId(), at: input.at, actor: input.actor, room, category, kind: 'task', priority: schedule.priority,
    title: schedule.title, description: `Planned work for ${occurrence.local} (${schedule.timeZone}).`,
    reporter: { kind: 'system', id: `schedule:${schedule.id}`, contact: null }, assignee: null, parent: null,
  });
  const planned: Ticket = {
    ...ticket,
    dueAt: dueAt(category, schedule.priority, occurrence.at),
    visitAt: new Date(Date.parse(occurrence.at)).toISOString(),
    planned: { schedule: schedule.id, occurrence: occurrence.key },
    ...(schedule.checklist.length > 0 ? { checklist: schedule.checklist.map((text, i) => ({ id: `c${i + 1}`, text, done: false, by: null, at: null })) } : {}),
    ...(installation ? { links: { persons: [], unit: null, installation } } : {}),
  };
  return { ticket: planned, changes: changes.map((c) => (c.entity === 'ticket' && c.state.id === ticket.id ? { ...c, state: planned } : c)) };
}
