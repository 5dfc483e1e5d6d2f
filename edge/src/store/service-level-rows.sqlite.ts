import { defaultWorkingCalendar, type WorkingCalendar } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** The site's working-hours calendar and the service levels counted on it. */
export class ServiceLevelRows {
  readonly #sql;
  #calendar: WorkingCalendar | null = null;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  /** The calendar as last set, or the default (Monday to Friday, 08:00–16:00, UTC). */
  calendar(): WorkingCalendar {
    if (this.#calendar) return this.#calendar;
    const row = this.#sql('SELECT doc FROM working_calendar WHERE id = 1').get() as { doc: string } | undefined;
    this.#calendar = row ? (JSON.parse(row.doc) as WorkingCalendar) : defaultWorkingCalendar;
    return this.#calendar;
  }

  putCalendar(calendar: WorkingCalendar): void {
    this.#sql('INSERT INTO working_calendar (id, doc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(JSON.stringify(calendar));
    this.#calendar = null;
  }
}
