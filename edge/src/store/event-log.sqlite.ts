import type { Statement } from 'better-sqlite3';
import type { LoggedEvent, VerifyResult } from '../contracts/index.ts';
import { DomainError } from '../domain-error.ts';
import type { Db } from './database.sqlite.ts';
import { type ChainRow, eventHash, GENESIS_HASH, verifyChain } from './hash-chain.ts';

export interface AppendInput {
  at: string;
  actor: string;
  type: string;
  entity: string;
  state: unknown;
}

export interface AuditFilter {
  entity?: string;
  room?: string;
  actor?: string;
  type?: string;
  /** Found anywhere in the actor, type, entity or recorded state (case-insensitive for ASCII). */
  text?: string;
  limit: number;
}

/**
 * Another process appended to the log since this one read its head: the folder lock was
 * bypassed (a copy of the gateway on the same file, a hand-run script). The command is not
 * made; the store re-reads the head, so the next one chains onto what is really there.
 */
export class LogMoved extends DomainError {
  readonly code = 'LOG_MOVED';
  constructor(seq: number) {
    super(`event ${seq} was written by another process: the gateway re-read the log; try again`, { seq });
  }
}

/**
 * The site's append-only, sha256-chained event log. The gateway is its one writer,
 * so the head is kept in memory; `append` must run inside the caller's transaction,
 * and the caller rolls the head back if that transaction fails (or re-reads it with
 * `reload` when the append found the log moved).
 */
export class EventLog {
  head: { seq: number; hash: string };
  readonly #insert: Statement;
  readonly #after: Statement;
  readonly #last: Statement;

  constructor(private readonly db: Db, readonly site: string) {
    this.#last = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
    this.head = this.#stored();
    this.#insert = db.prepare(
      'INSERT INTO events (seq, site, at, actor, type, entity, state, prev_hash, hash) VALUES (@seq, @site, @at, @actor, @type, @entity, @state, @prev_hash, @hash)',
    );
    this.#after = db.prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
  }

  append(input: AppendInput): ChainRow {
    const body = {
      seq: this.head.seq + 1, site: this.site, at: input.at, actor: input.actor,
      type: input.type, entity: input.entity, state: JSON.stringify(input.state),
    };
    const row: ChainRow = { ...body, prev_hash: this.head.hash, hash: eventHash(this.head.hash, body) };
    try {
      this.#insert.run(row);
    } catch (error) {
      // The one way the next seq can exist already: someone else appended it.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new LogMoved(row.seq);
      throw error;
    }
    this.head = { seq: row.seq, hash: row.hash };
    return row;
  }

  /** Takes the head from the database again, as the connection now sees it. */
  reload(): void {
    this.head = this.#stored();
  }

  #stored(): { seq: number; hash: string } {
    return (this.#last.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
  }

  after(seq: number, limit: number): LoggedEvent[] {
    return (this.#after.all(seq, limit) as ChainRow[]).map(toLogged);
  }

  /** One entity's events, oldest first. */
  ofEntity(entity: string): LoggedEvent[] {
    return (this.db.prepare('SELECT * FROM events WHERE entity = ? ORDER BY seq').all(entity) as ChainRow[]).map(toLogged);
  }

  search(filter: AuditFilter): LoggedEvent[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.entity) { where.push('entity = ?'); args.push(filter.entity); }
    if (filter.room) {
      where.push("(entity = ? OR json_extract(state, '$.room') = ?)");
      args.push(`room:${filter.room}`, filter.room);
    }
    if (filter.actor) { where.push('actor = ?'); args.push(filter.actor); }
    if (filter.type) { where.push('type = ?'); args.push(filter.type); }
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(${['actor', 'type', 'entity', 'state'].map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
      args.push(pattern, pattern, pattern, pattern);
    }
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit) as ChainRow[]).map(toLogged);
  }

  count(): number {
    return this.head.seq;
  }

  verify(): VerifyResult {
    return verifyChain(this.db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<ChainRow>);
  }
}

export function toLogged(row: ChainRow): LoggedEvent {
  return {
    seq: row.seq, site: row.site, at: row.at, actor: row.actor, type: row.type, entity: row.entity,
    state: JSON.parse(row.state), prevHash: row.prev_hash, hash: row.hash,
  };
}
