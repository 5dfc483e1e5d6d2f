import type { DutyState, SkillsState } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** A person's piece of open work, as dispatch weighs it: where it is and whether it is under way. */
export interface HeldTicket { id: string; assignee: string; status: string; room: string }

/** Who is on duty and who has which skills; and the open work people hold now. */
export class DispatchRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /** A person with no row has never said otherwise: on duty. */
  duty(user: string): DutyState {
    const row = this.#sql('SELECT on_duty, since FROM staff_duty WHERE user = ?').get(user) as { on_duty: number; since: string | null } | undefined;
    return { user, onDuty: row ? row.on_duty === 1 : true, since: row?.since ?? null };
  }

  /** The people who said they are off duty. */
  offDuty(): Set<string> {
    const rows = this.#sql('SELECT user FROM staff_duty WHERE on_duty = 0').all() as { user: string }[];
    return new Set(rows.map((r) => r.user));
  }

  putDuty(state: DutyState): void {
    this.#sql('INSERT INTO staff_duty (user, on_duty, since) VALUES (?, ?, ?) ON CONFLICT (user) DO UPDATE SET on_duty = excluded.on_duty, since = excluded.since')
      .run(state.user, state.onDuty ? 1 : 0, state.since);
  }

  skills(user: string): SkillsState {
    const row = this.#sql('SELECT categories FROM staff_skills WHERE user = ?').get(user) as { categories: string } | undefined;
    return { user, categories: row ? (JSON.parse(row.categories) as string[]) : [] };
  }

  allSkills(): Map<string, string[]> {
    const rows = this.#sql('SELECT user, categories FROM staff_skills').all() as { user: string; categories: string }[];
    return new Map(rows.map((r) => [r.user, JSON.parse(r.categories) as string[]]));
  }

  putSkills(state: SkillsState): void {
    this.#sql('INSERT INTO staff_skills (user, categories) VALUES (?, ?) ON CONFLICT (user) DO UPDATE SET categories = excluded.categories')
      .run(state.user, JSON.stringify(state.categories));
  }

  /** Every ticket a person holds and has not finished: the load dispatch counts. */
  held(): HeldTicket[] {
    return this.#sql(`SELECT id, assignee, status, room FROM ticket_rows
      WHERE is_open = 1 AND assignee IS NOT NULL AND status IN ('assigned', 'in_progress', 'rejected', 'escalated')`).all() as HeldTicket[];
  }
}
