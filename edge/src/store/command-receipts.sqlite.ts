import type { CommandResult } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

interface Row { outcome: 'applied' | 'refused'; reason: string | null; seq: number | null }

/** Which commands from outside (head office through the bridge) this site has answered, and how. */
export class CommandReceipts {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  answered(id: string): CommandResult | undefined {
    const row = this.#sql('SELECT outcome, reason, seq FROM bridge_commands WHERE id = ?').get(id) as Row | undefined;
    if (!row) return undefined;
    return { outcome: row.outcome, ...(row.reason === null ? {} : { reason: row.reason }), ...(row.seq === null ? {} : { seq: row.seq }) };
  }

  record(id: string, type: string, result: CommandResult, at: string): void {
    this.#sql('INSERT INTO bridge_commands (id, type, outcome, reason, seq, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, type, result.outcome, result.reason ?? null, result.seq ?? null, at);
  }
}
