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
 * handed it back is not given it again.
 */
export function startAutoDispatch(store: SiteStore, commands: CommandHandler, onError: (error: unknown) => void = () => {}): () => void {
  let stopped = false;
  const unsubscribe = store.onCommit(({ changes, events }) => {
    for (const change of changes) {
      if (change.entity !== 'ticket' || change.state.status !== 'new' || change.state.assignee !== null) continue;
      if (!store.directory.category(change.state.category)?.autoDispatch) continue;
      const id = change.state.id;
      const by = events.findLast((e) => e.entity === `ticket:${id}`)?.actor;
      const except = by?.startsWith('user:') ? by.slice('user:'.length) : undefined;
      setImmediate(() => {
        if (stopped || !store.isOpen) return;
        const ticket = store.tickets.get(id);
        if (!ticket || ticket.status !== 'new' || ticket.assignee !== null) return;
        const top = suggestionsFor(store, ticket, except).suggestions[0];
        if (!top) return;
        commands.handle(systemActor, { ticket: id }, { type: 'assign', assignee: top.user, note: 'Dispatched automatically to the top suggestion' })
          // Someone claimed it first, or the person left the team meanwhile: the pool keeps it.
          .catch((error: unknown) => { if (!(error instanceof DomainError)) onError(error); });
      });
    }
  });
  return () => { stopped = true; unsubscribe(); };
}
