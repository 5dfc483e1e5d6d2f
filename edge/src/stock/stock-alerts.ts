import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * Low-stock tasks: once a movement (or a raised minimum) leaves an item below its minimum,
 * the gateway asks, through the one command path and after that commit, for a task for the
 * store's owner. The task is noted on the item, so the same dip never opens a second one;
 * the movement that brings the item back to its minimum clears the note, and the next dip
 * opens a new task. At start, dips that missed their task (a stop right after the commit)
 * get it.
 */
export function startStockAlerts(store: SiteStore, commands: CommandHandler, onError: (error: unknown) => void = () => {}): () => void {
  let stopped = false;
  const raise = (item: string) => {
    if (stopped || !store.isOpen) return;
    const now = store.stock.item(item);
    if (!now || now.level >= now.minimum || now.alert !== null) return;
    commands.handle(systemActor, { stockItem: item }, { type: 'raise-stock-alert' })
      .catch((error: unknown) => { if (!(error instanceof DomainError)) onError(error); });
  };
  const unsubscribe = store.onCommit(({ changes }) => {
    const touched = new Set<string>();
    for (const change of changes) {
      if (change.entity === 'stock-movement' && change.state.delta < 0) touched.add(change.state.item);
      if (change.entity === 'stock-item' && change.type === 'stock-item-updated') touched.add(change.state.id);
    }
    for (const item of touched) setImmediate(() => raise(item));
  });
  for (const item of store.stock.dipsWithoutAlert()) raise(item);
  return () => { stopped = true; unsubscribe(); };
}
