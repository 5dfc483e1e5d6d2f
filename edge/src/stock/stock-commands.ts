import type { Change, MovementKind, StockCommand, StockItem, StockStore, Ticket } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { assertMay, holdRefusal, refusal } from '../rights/refusal.ts';
import type { Right } from '../rights/rights.ts';
import { storeRefusal } from '../rights/stock-refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { afterMovement, movement } from './stock-ledger.ts';
import { lowStockTicket } from './low-stock-ticket.ts';
import { usedOnOrder } from './used-on-order.ts';

/** The right each kind of movement needs, and whether it is judged on the store or on the job. */
const rightOf: Record<MovementKind, { right: Right; on: 'store' | 'job' }> = {
  received: { right: 'receive-stock', on: 'store' },
  issued: { right: 'issue-stock', on: 'store' },
  disposed: { right: 'dispose-stock', on: 'store' },
  requested: { right: 'request-stock', on: 'job' },
  used: { right: 'use-stock', on: 'job' },
  returned: { right: 'return-stock', on: 'job' },
};

const noTotals = { received: 0, requested: 0, issued: 0, used: 0, returned: 0, disposed: 0 } as const;

/** A job takes new stock only while it is open; what is left over may be brought back at any time. */
const closed = (t: Ticket) => t.status === 'verified' || t.status === 'cancelled';

function itemOf(store: SiteStore, target: unknown): StockItem {
  const id = (target as { stockItem?: string }).stockItem ?? '';
  const item = store.stock.item(id);
  if (!item) throw new NotFound('stock item', id);
  return item;
}

function storeOf(store: SiteStore, id: string): StockStore {
  const found = store.stock.store(id);
  if (!found) throw new Invalid('UNKNOWN_STOCK_STORE', `there is no store ${id}`, { stores: store.stock.stores().map((s) => s.id) });
  return found;
}

function checkedStore(store: SiteStore, id: string, fields: Omit<StockStore, 'id'>): StockStore {
  if (!store.rooms.get(fields.room)) throw new Invalid('UNKNOWN_ROOM', `there is no room ${fields.room}`);
  const category = store.directory.category(fields.category);
  if (!category) throw new Invalid('UNKNOWN_CATEGORY', `there is no category ${fields.category}`);
  const owner = store.directory.user(fields.owner)?.user;
  if (!owner) throw new Invalid('UNKNOWN_USER', `there is no user ${fields.owner}`);
  // The owner gets the store's low-stock tasks, so they must be able to hold tickets of its category.
  const refused = holdRefusal(owner, category.team);
  if (refused) throw refused;
  return { id, ...fields };
}

/** Stores, items, and every change of stock as one line of the append-only ledger. */
export const stockCommands: CommandModule<StockCommand> = {
  types: ['define-stock-store', 'define-stock-item', 'update-stock-item', 'move-stock', 'raise-stock-alert'],

  run(store, { actor, target, command, at, nextTicketId }) {
    switch (command.type) {
      case 'define-stock-store': {
        assertMay(actor.role, 'manage-stock');
        const state = checkedStore(store, (target as { stockStore?: string }).stockStore ?? '', command.store);
        return { changes: [{ entity: 'stock-store', type: 'stock-store-defined', state }], result: state };
      }
      case 'define-stock-item': {
        assertMay(actor.role, 'manage-stock');
        storeOf(store, command.item.store);
        const state: StockItem = { ...command.item, id: store.stock.nextItemId(), level: 0, alert: null };
        return { changes: [{ entity: 'stock-item', type: 'stock-item-defined', state }], result: state };
      }
      case 'update-stock-item': {
        assertMay(actor.role, 'manage-stock');
        const item = { ...itemOf(store, target), ...command.changes };
        const state = { ...item, alert: item.level >= item.minimum ? null : item.alert };
        return { changes: [{ entity: 'stock-item', type: 'stock-item-updated', state }], result: state };
      }
      case 'move-stock': {
        const item = itemOf(store, target);
        const home = storeOf(store, item.store);
        const ticket = command.ticket ? store.tickets.get(command.ticket) ?? null : null;
        if (command.ticket && !ticket) throw new NotFound('ticket', command.ticket);
        const { right, on } = rightOf[command.kind];
        const refused = on === 'store' ? storeRefusal(actor, right, home) : refusal(actor, right, ticket ?? undefined);
        if (refused) throw refused;
        if (ticket && command.kind !== 'returned' && command.kind !== 'disposed' && closed(ticket)) {
          throw new Refusal('JOB_CLOSED', `${ticket.id} is ${ticket.status}: it takes no more stock`, { ticket: ticket.id, status: ticket.status });
        }
        const worker = command.kind === 'issued' || !actor.user ? ticket?.assignee ?? null : actor.user;
        const line = movement({
          id: store.stock.nextMovementId(), item, kind: command.kind, quantity: command.quantity, ticket: ticket?.id ?? null,
          totals: ticket ? store.stock.jobTotals(ticket.id, item.id) : noTotals,
          worker: command.kind === 'received' || (command.kind === 'disposed' && !ticket) ? null : worker,
          by: actor.ref, at, note: command.note ?? null,
        });
        const after = afterMovement(item, line);
        const changes: Change[] = [{ entity: 'stock-movement', type: `stock-${line.kind}`, state: line }];
        if (after.alert !== item.alert) changes.push({ entity: 'stock-item', type: 'stock-alert-cleared', state: after });
        changes.push(...usedOnOrder(store, item, line, at, actor.ref));
        return { changes, result: { item: after, movement: line } };
      }
      case 'raise-stock-alert': {
        assertMay(actor.role, 'watch-stock');
        const item = itemOf(store, target);
        // Asked twice for one dip (two movements in one batch), or back above the minimum meanwhile: nothing to do.
        if (item.level >= item.minimum || item.alert !== null) return { changes: [], result: item };
        const { ticket, changes } = lowStockTicket(store, { actor, at, id: nextTicketId(), item, home: storeOf(store, item.store) });
        const state = { ...item, alert: ticket.id };
        return { changes: [...changes, { entity: 'stock-item', type: 'stock-alert-raised', state }], result: state };
      }
    }
  },
};
