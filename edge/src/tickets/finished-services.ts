import type { FinishedServices, Verdict } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';
import { roomHiddenFrom } from '../rights/refusal.ts';
import { ticketFor, visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';
import { availableActions } from './available-actions.ts';

const verdicts: readonly string[] = ['approve', 'reject'];

/**
 * The room's finished services this actor may approve or reject, each as they may read it
 * and with the verdicts the rules would accept from them: the same refusal the command
 * meets, so a page offers exactly what the gateway then allows.
 */
export function finishedServices(store: SiteStore, actor: Actor, roomId: string): FinishedServices {
  const room = store.rooms.get(roomId);
  if (!room) throw new NotFound('room', roomId);
  const hidden = roomHiddenFrom(actor, room.id);
  if (hidden) throw hidden;
  const services = store.tickets.doneInRoom(room.id)
    .filter((ticket) => visibleTo(actor, ticket))
    .flatMap((ticket) => {
      const actions = availableActions(actor, ticket, store.directory.category(ticket.category))
        .filter((action): action is Verdict => verdicts.includes(action));
      return actions.length > 0 ? [{ ticket: ticketFor(actor.role, ticket), actions }] : [];
    });
  return { room: { id: room.id, name: room.name }, services };
}
