import type { CentralCommand, CommandResult } from '../contracts/index.ts';
import type { Db } from '../store/database.sqlite.ts';

interface Row { outcome: 'applied' | 'refused'; reason: string | null; seq: number | null }

/** Which head-office commands this site has answered, and how: the bridge's idempotency record. */
export class CommandRows {
  readonly #get;
  readonly #insert;

  constructor(db: Db) {
    this.#get = db.prepare<[string], Row>('SELECT outcome, reason, seq FROM bridge_commands WHERE id = ?');
    this.#insert = db.prepare('INSERT INTO bridge_commands (id, type, outcome, reason, seq, at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  answered(id: string): CommandResult | undefined {
    const row = this.#get.get(id);
    if (!row) return undefined;
    return { outcome: row.outcome, ...(row.reason === null ? {} : { reason: row.reason }), ...(row.seq === null ? {} : { seq: row.seq }) };
  }

  record(command: CentralCommand, result: CommandResult, at: string): void {
    this.#insert.run(command.id, command.type, result.outcome, result.reason ?? null, result.seq ?? null, at);
  }
}
