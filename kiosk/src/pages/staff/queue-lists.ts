import { isOpen, type Priority, type QueueItem, type StaffQueue, type Ticket } from '@doorside/edge/contracts';

/** A list entry; `stale` until the gateway has said again what it accepts (after a live event). */
export type Entry = QueueItem & { stale?: boolean };
export interface Lists { mine: Entry[]; pool: Entry[] }
type Me = StaffQueue['me'];

const rank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** The gateway's order: the most urgent first, then the one due soonest, then the oldest. */
export function byUrgency(a: Entry, b: Entry): number {
  return rank[a.ticket.priority] - rank[b.ticket.priority]
    || Date.parse(a.ticket.dueAt) - Date.parse(b.ticket.dueAt)
    || Number(a.ticket.id.slice(2)) - Number(b.ticket.id.slice(2));
}

/** Which list a ticket belongs in for this worker, by the same rule as the gateway's queue. */
export function listFor(ticket: Ticket, me: Me): keyof Lists | null {
  if (!isOpen(ticket.status)) return null;
  if (ticket.assignee === me.id) return 'mine';
  if (ticket.assignee === null && me.claims && me.teams.includes(ticket.team)) return 'pool';
  return null;
}

/**
 * A ticket's new state from the live feed, put where it now belongs. Its actions are kept
 * only while nothing they depend on moved; otherwise none are offered until the gateway
 * answers again, so a button never promises what the rules would refuse.
 */
export function applyTicket(lists: Lists, me: Me, ticket: Ticket): Lists {
  const before = [...lists.mine, ...lists.pool].find((e) => e.ticket.id === ticket.id);
  const mine = lists.mine.filter((e) => e.ticket.id !== ticket.id);
  const pool = lists.pool.filter((e) => e.ticket.id !== ticket.id);
  const where = listFor(ticket, me);
  if (where === null) return { mine, pool };
  const same = before && before.ticket.status === ticket.status && before.ticket.assignee === ticket.assignee && before.ticket.team === ticket.team;
  const entry: Entry = {
    ticket: me.internalNotes ? ticket : { ...ticket, notes: ticket.notes.filter((n) => !n.internal) },
    actions: same ? before.actions : [],
    transferTo: before?.transferTo ?? [],
    stale: true,
  };
  const next = { mine, pool };
  next[where] = [...next[where], entry].sort(byUrgency);
  return next;
}

/** The rejection a returned job carries until it has been done again, or undefined. */
export function openRejection(ticket: Ticket): Ticket['rejections'][number] | undefined {
  const last = ticket.rejections.at(-1);
  if (!last || last.response === 'redone' || ticket.status === 'done' || !isOpen(ticket.status)) return undefined;
  return last;
}
