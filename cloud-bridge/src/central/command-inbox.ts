import { NotFound } from '@doorside/edge/http';
import { CentralCommand, type CommandResult, type CommandState } from '../protocol.ts';
import { ResultAlreadyRecorded } from './errors.ts';
import type { SqlDriver } from './sql-driver.ts';

interface Row { id: string; site: string; body: string; state: CommandState['state']; reason: string | null; seq: number | null }

/** About one vendor step with three files at their limit. */
const PENDING_BYTES = 48 * 1024 * 1024;

const stateOf = (row: Row): CommandState => ({ id: row.id, state: row.state, reason: row.reason, seq: row.seq });

/**
 * Commands head office holds for a site until its agent fetches them and the gateway
 * answers. The central server never applies them: the gateway's own rules decide.
 */
export class CommandInbox {
  constructor(private readonly db: SqlDriver) {}

  async enqueue(site: string, command: CentralCommand, now: string): Promise<void> {
    const body = CentralCommand.parse(command);
    await this.db.run("INSERT INTO commands (id, site, body, created_at, state) VALUES (?, ?, ?, ?, 'pending')", [body.id, site, JSON.stringify(body), now]);
  }

  /** The same command again (a provider resending its notice) is held once. */
  async enqueueOnce(site: string, command: CentralCommand, now: string): Promise<void> {
    const body = CentralCommand.parse(command);
    await this.db.run("INSERT INTO commands (id, site, body, created_at, state) VALUES (?, ?, ?, ?, 'pending') ON CONFLICT (id) DO NOTHING", [body.id, site, JSON.stringify(body), now]);
  }

  /** The oldest pending commands, up to about `PENDING_BYTES` of them (always at least one): a vendor's step may carry its files. */
  async pending(site: string): Promise<CentralCommand[]> {
    const rows = await this.db.all<Row>("SELECT body FROM commands WHERE site = ? AND state = 'pending' ORDER BY n LIMIT 500", [site]);
    let bytes = 0;
    const taken = rows.filter((r) => (bytes += r.body.length) <= PENDING_BYTES || r === rows[0]);
    return taken.map((r) => CentralCommand.parse(JSON.parse(r.body)));
  }

  async state(id: string): Promise<CommandState> {
    return (await this.locate(id)).command;
  }

  /** A command and the site it is for. */
  async locate(id: string): Promise<{ site: string; command: CommandState }> {
    const row = await this.db.get<Row>('SELECT id, site, body, state, reason, seq FROM commands WHERE id = ?', [id]);
    if (!row) throw new NotFound('command', id);
    return { site: row.site, command: stateOf(row) };
  }

  /** The first answer is kept; the same answer again is fine, a different one is refused. */
  async answer(site: string, id: string, result: CommandResult, now: string): Promise<CommandState> {
    return this.db.transact(async (tx) => {
      const row = await tx.get<Row>(`SELECT id, site, body, state, reason, seq FROM commands WHERE id = ?${this.db.lockRows}`, [id]);
      if (!row || row.site !== site) throw new NotFound('command', id);
      const answer = { state: result.outcome, reason: result.reason ?? null, seq: result.seq ?? null };
      if (row.state !== 'pending') {
        const same = row.state === answer.state && row.reason === answer.reason && row.seq === answer.seq;
        if (!same) throw new ResultAlreadyRecorded(id, row.state);
        return stateOf(row);
      }
      await tx.run('UPDATE commands SET state = ?, reason = ?, seq = ?, answered_at = ? WHERE id = ?', [answer.state, answer.reason, answer.seq, now, id]);
      return { id, ...answer };
    });
  }
}
