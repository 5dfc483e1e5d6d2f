import type { TicketId } from '../contracts/index.ts';
import { EventLog } from '../audit/event-log.sqlite.ts';
import type { ChainRow } from '../audit/hash-chain.ts';
import { RoomRows } from '../rooms/room-rows.sqlite.ts';
import { type Change, entityKey } from '../tickets/change.ts';
import { TicketRows } from '../tickets/ticket-rows.sqlite.ts';
import type { Db } from './database.sqlite.ts';
import { Directory } from './directory.sqlite.ts';

export interface Tx {
  /** Writes an entity's new state and its event. */
  apply(change: Change): void;
  /** Writes an event for a change the caller stored itself (a user, a device, a category). */
  record(type: string, entity: string, state: unknown): void;
  nextTicketId(): TicketId;
}

export interface Committed {
  events: ChainRow[];
  changes: Change[];
}

type Listener = (committed: Committed) => void;

/**
 * One site's state. Every change goes through `transact`, which writes the rows
 * and their events in one SQLite transaction; listeners hear of it only after
 * the commit, so nothing is published that could still roll back.
 */
export class SiteStore {
  readonly log: EventLog;
  readonly rooms: RoomRows;
  readonly tickets: TicketRows;
  readonly directory: Directory;
  readonly #listeners: Listener[] = [];
  readonly #nextTicket;

  constructor(readonly db: Db, readonly site: string) {
    this.log = new EventLog(db, site);
    this.rooms = new RoomRows(db);
    this.tickets = new TicketRows(db);
    this.directory = new Directory(db);
    db.prepare("INSERT OR IGNORE INTO counters (name, value) VALUES ('ticket', 1000)").run();
    this.#nextTicket = db.prepare<[], { value: number }>("UPDATE counters SET value = value + 1 WHERE name = 'ticket' RETURNING value");
  }

  onCommit(listener: Listener): () => void {
    this.#listeners.push(listener);
    return () => this.#listeners.splice(this.#listeners.indexOf(listener), 1);
  }

  transact<T>(actor: string, at: string, work: (tx: Tx) => T): T {
    const events: ChainRow[] = [];
    const changes: Change[] = [];
    const headBefore = this.log.head;
    const tx: Tx = {
      apply: (change) => {
        if (change.entity === 'ticket') this.tickets.put(change.state);
        if (change.entity === 'room') this.rooms.put(change.state);
        changes.push(change);
        events.push(this.log.append({ at, actor, type: change.type, entity: entityKey(change), state: change.state }));
      },
      record: (type, entity, state) => {
        events.push(this.log.append({ at, actor, type, entity, state }));
      },
      nextTicketId: () => `T-${this.#nextTicket.get()!.value}`,
    };
    let result: T;
    try {
      // better-sqlite3 commits when this callback returns, so nothing in `work` may await.
      result = this.db.transaction(() => work(tx))();
    } catch (error) {
      this.log.head = headBefore;
      throw error;
    }
    if (events.length > 0) {
      for (const listener of this.#listeners) {
        // A failing listener (a closed socket, say) must not turn a committed change into an error.
        try { listener({ events, changes }); } catch (error) { process.emitWarning(error as Error); }
      }
    }
    return result;
  }

  close(): void {
    this.db.close();
  }
}
