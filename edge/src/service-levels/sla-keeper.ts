import type { WithinCommand } from '../commands/handler.ts';
import type { Ticket, TicketSla } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type ClockColumns, NO_CLOCKS } from '../store/service-level-rows.sqlite.ts';
import { advanceSla, type Moment, type SlaRow, slaView, startSla } from './sla-clock.ts';
import { siteWorkingTime } from './site-working-time.ts';
import { watchTime } from './breach-watch.ts';
import { replaySla } from './sla-replay.ts';

const minute = 60_000;

/** The ticket at the moment of a change, as its clocks see it. */
export function momentOf(ticket: Ticket, at: string): Moment {
  return {
    at: Date.parse(at),
    status: ticket.status,
    waiting: ticket.waiting?.reason ?? null,
    responded: ticket.history.some((h) => h.status !== 'new' || h.action === 'reply'),
  };
}

/**
 * The targets a ticket opens with, in working milliseconds: the site's for its category and
 * priority; without one, the category's due minutes for resolution and a quarter of them
 * (at least 15 minutes) for the first response. Kept with the ticket: a later change of
 * targets, or of the ticket's priority, does not move a clock already running.
 */
export function targetsFor(store: SiteStore, ticket: Pick<Ticket, 'category' | 'priority'>): { responseMs: number; resolutionMs: number } {
  const set = store.serviceLevels.targets().targets.find((t) => t.category === ticket.category && t.priority === ticket.priority);
  if (set) return { responseMs: set.responseMinutes * minute, resolutionMs: set.resolutionMinutes * minute };
  const resolution = store.directory.category(ticket.category)?.slaMinutes[ticket.priority] ?? 24 * 60;
  return { responseMs: Math.max(15, Math.ceil(resolution / 4)) * minute, resolutionMs: resolution * minute };
}

/**
 * The clocks of a ticket opened before clocks were kept, worked out from its history in the
 * event log (each of its changes a moment, targets as it was opened), as if kept all along.
 */
export function clocksFromHistory(store: SiteStore, ticket: Ticket): SlaRow {
  const counting = siteWorkingTime(store);
  const { pausing } = store.serviceLevels.targets();
  const states = store.log.ofEntity(`ticket:${ticket.id}`)
    .filter((e) => e.type.startsWith('ticket-') && e.type !== 'ticket-rated')
    .map((e) => ({ at: e.at, state: e.state as Ticket }));
  // A ticket written without events (an old import) starts from when it was made.
  const history = states.length > 0 ? states : [{ at: ticket.createdAt, state: ticket }];
  return replaySla(history.map((h) => momentOf(h.state, h.at)), targetsFor(store, history[0]!.state), pausing, counting);
}

/**
 * Keeps each ticket's clocks, and when the escalation tick is to look at it, in the same
 * transaction as every change of the ticket; an escalation recorded moves the ticket's watched
 * time on to its other clock.
 */
export function slaKeeper(store: SiteStore): WithinCommand {
  return (changes, at) => {
    for (const change of changes) {
      if (change.entity === 'sla-escalation') {
        watchAgain(store, change.state.ticket);
        continue;
      }
      if (change.entity !== 'ticket' && change.entity !== 'sla-clocks') continue;
      const ticket = change.entity === 'ticket' ? change.state : store.tickets.get(change.state.ticket);
      if (!ticket) continue;
      const counting = siteWorkingTime(store);
      const { pausing } = store.serviceLevels.targets();
      const moment = momentOf(ticket, at);
      // A ticket just opened has a row of its own, written in this transaction, with no clocks yet.
      const opened = change.type === 'ticket-opened';
      const kept = opened ? undefined : store.serviceLevels.kept<SlaRow>(ticket.id);
      const before = kept?.clocks;
      // A ticket just opened starts its clocks now; one from before clocks were kept gets them from its history.
      const row = before ? advanceSla(before, moment, pausing, counting)
        : opened ? startSla(moment, targetsFor(store, ticket), pausing, counting)
          : clocksFromHistory(store, ticket);
      keep(store, ticket, row, watchTime(store, ticket, row, opened), kept?.columns ?? NO_CLOCKS);
    }
  };
}

function keep(store: SiteStore, ticket: { id: string }, row: SlaRow, watchMs: number | null, before: ClockColumns): void {
  const dues = [row.response.dueMs, row.resolution.dueMs].filter((d): d is number => d !== null);
  store.serviceLevels.putClocks({
    ticket: ticket.id,
    clocks: row,
    dueAt: dues.length ? new Date(Math.min(...dues)).toISOString() : null,
    paused: row.pausedSince !== null,
    breached: row.response.breachedMs !== null || row.resolution.breachedMs !== null,
    watchMs,
  }, before);
}

/** The ticket's watched time worked out again from its clocks as kept (after one of its breaches was escalated). */
function watchAgain(store: SiteStore, id: string): void {
  const ticket = store.tickets.get(id);
  const kept = store.serviceLevels.kept<SlaRow>(id);
  if (ticket && kept?.clocks) keep(store, ticket, kept.clocks, watchTime(store, ticket, kept.clocks), kept.columns);
}

/** The ticket's clocks as read at `now`; absent for a ticket no command has touched since clocks were kept. */
export function slaOf(store: SiteStore, ticketId: string, now: string): TicketSla | undefined {
  const row = store.serviceLevels.clocks<SlaRow>(ticketId);
  return row && slaView(row, Date.parse(now), siteWorkingTime(store));
}
