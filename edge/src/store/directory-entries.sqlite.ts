import type { Installation, PersonRecord, Ticket, Unit } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';

type Table = 'persons' | 'units' | 'installations';

/** One table of the directory: each entry's JSON, found by id, listed by name. */
class Entries<T extends { id: string; name: string }> {
  readonly #get;
  readonly #all;
  readonly #put;

  constructor(db: Db, table: Table) {
    this.#get = db.prepare<[string], { doc: string }>(`SELECT doc FROM ${table} WHERE id = ?`);
    this.#all = db.prepare<[number], { doc: string }>(`SELECT doc FROM ${table} ORDER BY name COLLATE NOCASE, id LIMIT ?`);
    this.#put = db.prepare(`INSERT INTO ${table} (id, name, doc) VALUES (@id, @name, @doc)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc`);
  }

  get(id: string): T | undefined {
    const row = this.#get.get(id);
    return row && JSON.parse(row.doc);
  }

  list(limit = 1000): T[] {
    return this.#all.all(limit).map((row) => JSON.parse(row.doc));
  }

  put(entry: T): void {
    this.#put.run({ id: entry.id, name: entry.name, doc: JSON.stringify(entry) });
  }
}

/** The site's persons, units and installations, and the tickets that link to them or descend from one. */
export class DirectoryEntries {
  readonly persons: Entries<PersonRecord>;
  readonly units: Entries<Unit>;
  readonly installations: Entries<Installation>;
  readonly #linked;
  readonly #children;
  readonly #byEmail;

  constructor(db: Db) {
    this.persons = new Entries(db, 'persons');
    this.units = new Entries(db, 'units');
    this.installations = new Entries(db, 'installations');
    this.#linked = db.prepare<[string], { doc: string }>("SELECT doc FROM tickets WHERE json_extract(doc, '$.links.installation') = ? ORDER BY id");
    this.#byEmail = db.prepare<[string], { doc: string }>("SELECT doc FROM persons WHERE lower(json_extract(doc, '$.email')) = ? ORDER BY name COLLATE NOCASE, id LIMIT 1");
    this.#children = db.prepare<[string], { doc: string }>("SELECT doc FROM tickets WHERE json_extract(doc, '$.parent') = ? ORDER BY id");
  }

  /** The person with this e-mail address (any case), the first by name when several share it. */
  personByEmail(email: string): PersonRecord | undefined {
    const row = this.#byEmail.get(email.trim().toLowerCase());
    return row && JSON.parse(row.doc);
  }

  /** Every ticket linked to the installation, oldest first. */
  ticketsOf(installation: string): Ticket[] {
    return this.#linked.all(installation).map((row) => JSON.parse(row.doc));
  }

  /** The tasks and work orders opened from a ticket. */
  childrenOf(parent: string): Ticket[] {
    return this.#children.all(parent).map((row) => JSON.parse(row.doc));
  }
}
