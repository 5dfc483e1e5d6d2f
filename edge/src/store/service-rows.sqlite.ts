import type { Service, ServiceSettings } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

const CURRENCY_KEY = 'service-currency';
/** The currency a site has until someone sets its own. */
export const DEFAULT_CURRENCY = 'CNY';

/** The site's catalogue of paid services and its one currency. */
export class ServiceRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): Service | undefined {
    const row = this.#sql('SELECT doc FROM services WHERE id = ?').get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Service) : undefined;
  }

  all(): Service[] {
    return (this.#sql('SELECT doc FROM services ORDER BY id').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Service);
  }

  put(service: Service): void {
    this.#sql('INSERT INTO services (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(service.id, JSON.stringify(service));
  }

  settings(): ServiceSettings {
    const row = this.#sql('SELECT value FROM meta WHERE key = ?').get(CURRENCY_KEY) as { value: string } | undefined;
    return { currency: row?.value ?? DEFAULT_CURRENCY };
  }

  putSettings(settings: ServiceSettings): void {
    this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CURRENCY_KEY, settings.currency);
  }
}
