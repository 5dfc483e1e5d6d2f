import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { usedOpen } from './stock-ledger.ts';

/**
 * Once the tenant has paid a job's order in full, the gateway records the disposal (处置) of the units
 * the job used and nobody disposed of yet, through the one command path, after that commit.
 */
export function startPaidDisposal(store: SiteStore, commands: CommandHandler, onError: (error: unknown) => void = () => {}): () => void {
  let stopped = false;
  const unsubscribe = store.onCommit(({ changes }) => {
    for (const change of changes) {
      if (change.entity !== 'order' || change.type !== 'order-paid' || change.state.paid < change.state.total || !change.state.ticket) continue;
      const { ticket, id } = change.state;
      setImmediate(() => {
        if (stopped || !store.isOpen) return;
        for (const { item, totals } of store.stock.jobItems(ticket)) {
          const quantity = usedOpen(totals);
          if (quantity <= 0) continue;
          commands.handle(systemActor, { stockItem: item.id }, { type: 'move-stock', kind: 'disposed', quantity, ticket, note: `Order ${id} paid` })
            .catch((error: unknown) => { if (!(error instanceof DomainError)) onError(error); });
        }
      });
    }
  });
  return () => { stopped = true; unsubscribe(); };
}
