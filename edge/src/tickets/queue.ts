import type { QueueItem, StaffQueue, Ticket, User } from '../contracts/index.ts';
import { Forbidden } from '../domain-error.ts';
import { may } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { Actor } from '../rights/actor.ts';
import { availableActions } from './available-actions.ts';
import { awaitingPayment } from './awaiting-payment.ts';
import { readsInternalNotes, ticketFor, visibleTo } from '../rights/visibility.ts';
import { holdRefusal } from '../rights/refusal.ts';
import type { QueueRows } from './queue-rows.sqlite.ts';

export class NotAWorker extends Forbidden {
  constructor(role: string) {
    super('NOT_A_WORKER', `a work queue is for people who work tickets, not for a ${role}`, { role });
  }
}

/** Those who start work on tickets have a queue: staff, vendors, supervisors, facility heads, admins. */
export function worksTickets(actor: Actor): actor is Actor & { user: string } {
  return actor.user !== null && actor.room === null && may(actor.role, 'start');
}


const canTake = (user: User, team: string): boolean => holdRefusal(user, team) === null;

/**
 * A worker's queue: their own open tickets and their teams' unclaimed ones, each with
 * the actions the rules would accept from them now and whom it may be transferred to.
 */
export function staffQueue(store: SiteStore, rows: QueueRows, actor: Actor, now: string, limit: number): StaffQueue {
  if (!worksTickets(actor)) throw new NotAWorker(actor.role);
  const users = store.directory.users();
  const me = users.find((u) => u.id === actor.user);
  const claims = may(actor.role, 'claim');

  const item = (ticket: Ticket): QueueItem => {
    const transferTo = users.filter((u) => u.id !== ticket.assignee && u.teams.includes(ticket.team) && canTake(u, ticket.team)).map((u) => u.id);
    const unpaid = ticket.status !== 'done' && awaitingPayment(store, ticket);
    const actions = availableActions(actor, ticket, store.directory.category(ticket.category), unpaid).filter((a) => a !== 'transfer' || transferTo.length > 0);
    return { ticket: ticketFor(actor.role, ticket), actions, transferTo };
  };
  const mine = rows.mine(actor.user, limit).filter((t) => visibleTo(actor, t)).map(item);
  const pool = claims ? rows.pool(actor.teams, limit).filter((t) => visibleTo(actor, t)).map(item) : [];

  const roomIds = new Set([...mine, ...pool].map((i) => i.ticket.room));
  const rooms = [...roomIds].flatMap((id) => {
    const room = store.rooms.get(id);
    return room ? [{ id: room.id, name: room.name, floor: room.floor, zone: room.zone, ...(room.names ? { names: room.names } : {}), ...(room.zoneNames ? { zoneNames: room.zoneNames } : {}) }] : [];
  });
  return {
    now,
    me: { id: actor.user, name: me?.name ?? actor.user, role: actor.role, teams: actor.teams, claims, internalNotes: readsInternalNotes(actor.role), materials: may(actor.role, 'request-stock'), orderItems: may(actor.role, 'add-order-item') },
    mine,
    pool,
    people: users.map((u) => ({ id: u.id, name: u.name })),
    rooms,
    categories: store.directory.categories().map((c) => ({
      id: c.id, name: c.name, ...(c.names ? { names: c.names } : {}), ...(c.reasonNames && Object.keys(c.reasonNames).length > 0 ? { reasonNames: c.reasonNames } : {}),
    })),
  };
}
