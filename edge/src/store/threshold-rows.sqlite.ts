import type { Excursion, ThresholdRule } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Sensor threshold rules, and the excursion each one has under way (one at most). */
export class ThresholdRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): ThresholdRule | undefined {
    const row = this.#sql('SELECT doc FROM thresholds WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as ThresholdRule);
  }

  all(): ThresholdRule[] {
    return (this.#sql('SELECT doc FROM thresholds ORDER BY id').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as ThresholdRule);
  }

  /** The active rules that judge a room's readings of one measure. */
  watching(room: string, measure: string): ThresholdRule[] {
    return (this.#sql('SELECT doc FROM thresholds WHERE room = ? AND measure = ? AND active = 1 ORDER BY id').all(room, measure) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as ThresholdRule);
  }

  /** Whether any active rule judges this measure in this room: readings nobody watches need no command. */
  watches(room: string, measure: string): boolean {
    return this.#sql('SELECT 1 FROM thresholds WHERE room = ? AND measure = ? AND active = 1 LIMIT 1').get(room, measure) !== undefined;
  }

  put(rule: ThresholdRule): void {
    this.#sql(`INSERT INTO thresholds (id, room, measure, active, doc) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET room = excluded.room, measure = excluded.measure, active = excluded.active, doc = excluded.doc`)
      .run(rule.id, rule.room, rule.measure, rule.active ? 1 : 0, JSON.stringify(rule));
  }

  excursion(rule: string): Excursion | undefined {
    const row = this.#sql('SELECT doc FROM threshold_excursions WHERE rule = ?').get(rule) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as Excursion);
  }

  putExcursion(excursion: Excursion): void {
    this.#sql('INSERT INTO threshold_excursions (rule, doc) VALUES (?, ?) ON CONFLICT (rule) DO UPDATE SET doc = excluded.doc')
      .run(excursion.rule, JSON.stringify(excursion));
  }

  endExcursion(rule: string): void {
    this.#sql('DELETE FROM threshold_excursions WHERE rule = ?').run(rule);
  }
}
