import { type Change, openWorkOrderStatuses, type Room, type Ticket, type TicketCommand } from '../contracts/index.ts';
import type { CommandInput, CommandModule, Outcome } from '../commands/command-module.ts';
import type { Actor } from '../rights/actor.ts';
import { mayLiftHold } from '../rooms/room-hold.ts';
import { holdingTickets } from '../rooms/room-status.ts';
import type { SiteStore } from '../store/site-store.ts';
import { awaitingPayment, DISPATCHING } from './awaiting-payment.ts';
import type { TicketContext } from './context.ts';
import { decide } from './decide.ts';
import { closes } from './lifecycle.ts';
import { rejectionIdFor } from './reject.ts';
import { reads } from './site-reads.ts';
import { ticketRefusal } from './ticket-refusal.ts';

/** What a ticket decision needs, loaded from the store. */
export function ticketContext(store: SiteStore, actor: Actor, ticket: Ticket, command: { type: string; assignee?: string; to?: string; team?: string }, input: Pick<CommandInput, 'at' | 'nextTicketId'>): TicketContext {
  const room = reads.room(store, ticket.room);
  const named = command.type === 'assign' ? command.assignee ?? null : command.type === 'transfer' ? command.to ?? null : null;
  // Only a closing that may lift the room's status looks at the room's other tickets (see
  // `liftsHold`): the ticket behind the status, or a follow-up of it. Any other closing leaves
  // the room as it is, so a busy room's backlog is not read and parsed for it.
  const othersHolding = !closes(command.type) || !mayLiftHold(room, ticket) ? []
    : holdingTickets(room, store.tickets.openInRoom(room.id), (c) => store.directory.category(c)?.holdsRoom === true, ticket.id);
  return {
    at: input.at, actor, ticket, room, othersHolding,
    category: reads.category(store, ticket.category),
    team: store.directory.team(ticket.team) ?? null,
    target: named ? store.directory.user(named)?.user ?? null : null,
    targetTeam: command.type === 'assign' && command.team ? store.directory.team(command.team) ?? null : null,
    nextTicketId: input.nextTicketId,
    rejectionId: rejectionIdFor(ticket),
    openWorkOrders: closes(command.type) ? store.workOrders.openFor(ticket.id, openWorkOrderStatuses).map((o) => o.id) : [],
    unpaid: DISPATCHING.has(command.type) && awaitingPayment(store, ticket),
  };
}

/** The ticket and room as the decision left them, for the answer. */
export function after(changes: readonly Change[], ticket: Ticket, room: Room): { ticket: Ticket; room: Room } {
  let result = { ticket, room };
  for (const c of changes) {
    if (c.entity === 'ticket' && c.state.id === ticket.id) result = { ...result, ticket: c.state };
    if (c.entity === 'room' && c.state.id === room.id) result = { ...result, room: c.state };
  }
  return result;
}

/** Staff, panels, devices and head office acting on one ticket. */
export const ticketCommands: CommandModule<TicketCommand> = {
  types: ['assign', 'claim', 'accept', 'transfer', 'release', 'start', 'complete', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'attach'],

  run(store, input): Outcome {
    const ticket = reads.ticket(store, reads.key(input.target, 'ticket'));
    const ctx = ticketContext(store, input.actor, ticket, input.command, input);
    const decision = decide(ctx, input.command);
    return {
      changes: decision.changes,
      result: { ...after(decision.changes, ticket, ctx.room), ...(decision.triggered ? { triggered: decision.triggered } : {}) },
    };
  },

  check(store, input) {
    const ticket = reads.ticket(store, reads.key(input.target, 'ticket'));
    return ticketRefusal(input.actor, ticket, input.command, { unpaid: DISPATCHING.has(input.command.type) && awaitingPayment(store, ticket) });
  },
};
