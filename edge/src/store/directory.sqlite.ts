import type { Category, Device, Team, User } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface UserRecord { user: User; passwordHash: string }
export interface DeviceRecord { device: Device; secretDigest: string }
export interface PanelRecord { room: string; pinHash: string }

/** The site's people, teams, categories and devices. Teams and categories are few and read on every command, so they are cached. */
export class Directory {
  readonly #sql;
  #teams = new Map<string, Team>();
  #categories = new Map<string, Category>();
  readonly #users = new Map<string, UserRecord>();

  constructor(private readonly db: Db) {
    this.#sql = statementCache(db);
    this.reload();
  }

  reload(): void {
    this.#users.clear();
    this.#teams = new Map(this.#docs<Team>('teams').map((t) => [t.id, t]));
    this.#categories = new Map(this.#docs<Category>('categories').map((c) => [c.id, c]));
  }

  #docs<T>(table: 'teams' | 'categories' | 'users'): T[] {
    return (this.#sql(`SELECT doc FROM ${table} ORDER BY id`).all() as { doc: string }[]).map((r) => JSON.parse(r.doc));
  }

  team(id: string): Team | undefined { return this.#teams.get(id); }
  teams(): Team[] { return [...this.#teams.values()]; }
  category(id: string): Category | undefined { return this.#categories.get(id); }
  categories(): Category[] { return [...this.#categories.values()]; }
  users(): User[] { return this.#docs<User>('users'); }

  putTeam(team: Team): void {
    this.#sql('INSERT INTO teams (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(team.id, JSON.stringify(team));
    this.#teams.set(team.id, team);
  }

  putCategory(category: Category): void {
    this.#sql('INSERT INTO categories (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc').run(category.id, JSON.stringify(category));
    this.#categories.set(category.id, category);
  }

  /** A user as stored; those read outside a transaction are remembered until written again (every request signs one in). */
  user(id: string): UserRecord | undefined {
    const known = this.#users.get(id);
    if (known) return known;
    const row = this.#sql('SELECT doc, password_hash FROM users WHERE id = ?').get(id) as { doc: string; password_hash: string } | undefined;
    const record = row && { user: JSON.parse(row.doc) as User, passwordHash: row.password_hash };
    if (record && !this.db.inTransaction) this.#users.set(id, record);
    return record;
  }

  putUser(user: User, passwordHash: string): void {
    this.#users.delete(user.id);
    this.#sql(`INSERT INTO users (id, role, password_hash, active, doc) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash, active = excluded.active, doc = excluded.doc`)
      .run(user.id, user.role, passwordHash, user.active ? 1 : 0, JSON.stringify(user));
  }

  device(id: string): DeviceRecord | undefined {
    const row = this.#sql('SELECT id, room, kind, revoked, secret_digest FROM devices WHERE id = ?').get(id) as
      { id: string; room: string; kind: Device['kind']; revoked: number; secret_digest: string } | undefined;
    return row && { device: { id: row.id, room: row.room, kind: row.kind, revoked: row.revoked === 1 }, secretDigest: row.secret_digest };
  }

  devices(): (Device & { online: boolean; lastSeen: string | null })[] {
    const rows = this.#sql('SELECT id, room, kind, revoked, online, last_seen FROM devices ORDER BY id').all() as
      { id: string; room: string; kind: Device['kind']; revoked: number; online: number; last_seen: string | null }[];
    return rows.map((r) => ({ id: r.id, room: r.room, kind: r.kind, revoked: r.revoked === 1, online: r.online === 1, lastSeen: r.last_seen }));
  }

  /** `brokerHash` is the same secret in Mosquitto's password-file form, for external-broker sites. */
  putDevice(device: Device, secretDigest: string, brokerHash: string | null): void {
    this.#sql(`INSERT INTO devices (id, room, kind, secret_digest, broker_hash, revoked) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET room = excluded.room, kind = excluded.kind, secret_digest = excluded.secret_digest,
        broker_hash = excluded.broker_hash, revoked = excluded.revoked`)
      .run(device.id, device.room, device.kind, secretDigest, brokerHash, device.revoked ? 1 : 0);
  }

  brokerHash(id: string): string | null {
    return (this.#sql('SELECT broker_hash FROM devices WHERE id = ?').get(id) as { broker_hash: string | null } | undefined)?.broker_hash ?? null;
  }

  /** Each live device with the line Mosquitto's password file needs for it. */
  brokerHashes(): { id: string; brokerHash: string | null }[] {
    return (this.#sql('SELECT id, broker_hash FROM devices WHERE revoked = 0 ORDER BY id').all() as { id: string; broker_hash: string | null }[])
      .map((r) => ({ id: r.id, brokerHash: r.broker_hash }));
  }

  offlineAlert(id: string): string | null {
    return (this.#sql('SELECT offline_alert FROM devices WHERE id = ?').get(id) as { offline_alert: string | null } | undefined)?.offline_alert ?? null;
  }

  setOfflineAlert(id: string, ticket: string | null): void {
    this.#sql('UPDATE devices SET offline_alert = ? WHERE id = ?').run(ticket, id);
  }

  /** Integrations' accounts (Home Assistant) as Mosquitto password-file lines. */
  integrationLines(): string[] {
    return (this.#sql("SELECT value FROM meta WHERE key LIKE 'integration:%:broker' ORDER BY key").all() as { value: string }[]).map((r) => r.value);
  }

  /** Presence of many devices in one transaction, so a storm of reconnecting signs costs one fsync. */
  markPresences(marks: readonly { device: string; online: boolean; at: string }[]): void {
    const update = this.#sql('UPDATE devices SET online = ? , last_seen = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const m of marks) update.run(m.online ? 1 : 0, m.at, m.device);
    })();
  }

  panel(room: string): PanelRecord | undefined {
    const row = this.#sql('SELECT room, pin_hash FROM panels WHERE room = ?').get(room) as { room: string; pin_hash: string } | undefined;
    return row && { room: row.room, pinHash: row.pin_hash };
  }

  putPanel(room: string, pinHash: string): void {
    this.#sql('INSERT INTO panels (room, pin_hash) VALUES (?, ?) ON CONFLICT (room) DO UPDATE SET pin_hash = excluded.pin_hash').run(room, pinHash);
  }
}
