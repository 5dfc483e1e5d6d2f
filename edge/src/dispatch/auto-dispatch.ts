import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { suggestionsFor } from './suggestions.ts';

/**
 * Automatic dispatch for the categories that ask for it: a ticket that lands in its team's
 * pool (opened, or handed back) goes to the top-ranked person on duty, by an `assign` from
 * the gateway through the one command path, after the commit that put it there. Nobody on
 * duty: it stays in the pool, where anyone of the team may still claim it. Whoever just
 * handed it back is not given it again. A job paid at order goes out once its order is paid.
 */
export function startAutoDispatch(store: SiteStore, commands: CommandHandler, onError: (error: unknown) => void = () => {}): () => void {
  let stopped = false;
  const unsubscribe = store.onCommit(({ changes, events }) => {
    for (const change of changes) {
      // A job paid at order waits in the pool until its order is paid; the payment lets it go out.
      const id = change.entity === 'ticket' && change.state.status === 'new' && change.state.assignee === null ? change.state.id
        : change.entity === 'order' && change.type === 'order-paid' && change.state.status === 'confirmed' ? change.state.ticket : null;
      if (id === null) continue;
      const category = change.entity === 'ticket' ? change.state.category : store.tickets.get(id)?.category;
      if (!category || !store.directory.category(category)?.autoDispatch) continue;
      const by = events.findLast((e) => e.entity === `ticket:${id}`)?.actor;
      const except = by?.startsWith('user:') ? by.slice('user:'.length) : undefined;
      setImmediate(() => {
        if (stopped || !store.isOpen) return;
        const ticket = store.tickets.get(id);
        if (!ticket || ticket.status !== 'new' || ticket.assignee !== null) return;
        const top = suggestionsFor(store, ticket, except).suggestions[0];
        if (!top) return;
        commands.handle(systemActor, { ticket: id }, { type: 'assign', assignee: top.user, note: 'Dispatched automatically to the top suggestion' })
          // Someone claimed it first, the person left the team meanwhile, or its order is not paid yet: the pool keeps it.
          .catch((error: unknown) => { if (!(error instanceof DomainError)) onError(error); });
      });
    }
  });
  return () => { stopped = true; unsubscribe(); };
}
