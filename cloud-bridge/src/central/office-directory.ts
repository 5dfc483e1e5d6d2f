import { hashSecret, newToken, tokenDigest, Unauthorized, verifySecret } from '@doorside/edge/http';
import { z } from 'zod';
import { SiteNotGranted } from './errors.ts';
import type { SqlDriver } from './sql-driver.ts';

export const OfficeRole = z.enum(['head_office', 'site_manager']);
export type OfficeRole = z.infer<typeof OfficeRole>;

export interface OfficeUser {
  username: string;
  role: OfficeRole;
  /** The sites this user may see; `null` means every site. */
  sites: string[] | null;
}

export interface OfficeSession { user: OfficeUser; expiresAt: string }

const IDLE_MS = 12 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

/**
 * Head office and site managers: argon2id passwords, server-side sessions (kept in the
 * database, so every central process behind a load balancer knows them), site grants.
 */
export class OfficeDirectory {
  constructor(private readonly db: SqlDriver) {}

  async addUser(username: string, password: string, role: OfficeRole, sites: readonly string[], now: string): Promise<void> {
    const hash = await hashSecret(password);
    await this.db.transact(async (tx) => {
      await tx.run('INSERT INTO users (username, password_hash, role, active, created_at) VALUES (?, ?, ?, 1, ?)', [username, hash, role, now]);
      for (const site of sites) await tx.run('INSERT INTO grants (username, site) VALUES (?, ?)', [username, site]);
    });
  }

  async hasUsers(): Promise<boolean> {
    return (await this.db.get('SELECT username FROM users LIMIT 1')) !== undefined;
  }

  async login(username: string, password: string, now: string): Promise<{ token: string; session: OfficeSession }> {
    const row = await this.db.get<{ password_hash: string; active: number }>('SELECT password_hash, active FROM users WHERE username = ?', [username]);
    const ok = await verifySecret(row?.password_hash, password);
    const user = ok && row?.active === 1 ? await this.#user(username) : undefined;
    if (!user) throw new Unauthorized('BAD_CREDENTIALS', 'wrong username or password');
    const token = newToken();
    const expiresAt = new Date(Date.parse(now) + IDLE_MS).toISOString();
    await this.db.run('INSERT INTO sessions (token_hash, username, created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?)', [tokenDigest(token), username, now, now, expiresAt]);
    return { token, session: { user, expiresAt } };
  }

  /** The session behind a cookie token; sliding expiry, written at most once a minute. */
  async session(token: string | undefined, now: string): Promise<OfficeSession | undefined> {
    if (!token) return undefined;
    const digest = tokenDigest(token);
    const row = await this.db.get<{ username: string; last_seen: string; expires_at: string }>('SELECT username, last_seen, expires_at FROM sessions WHERE token_hash = ?', [digest]);
    if (!row) return undefined;
    const nowMs = Date.parse(now);
    if (Date.parse(row.expires_at) <= nowMs) {
      await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [digest]);
      return undefined;
    }
    const user = await this.#user(row.username);
    if (!user) return undefined;
    let expiresAt = row.expires_at;
    if (nowMs - Date.parse(row.last_seen) > TOUCH_EVERY_MS) {
      expiresAt = new Date(nowMs + IDLE_MS).toISOString();
      await this.db.run('UPDATE sessions SET last_seen = ?, expires_at = ? WHERE token_hash = ?', [now, expiresAt, digest]);
    }
    return { user, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenDigest(token)]);
  }

  async #user(username: string): Promise<OfficeUser | undefined> {
    const row = await this.db.get<{ role: string; active: number }>('SELECT role, active FROM users WHERE username = ?', [username]);
    const role = OfficeRole.safeParse(row?.role);
    if (!row || row.active !== 1 || !role.success) return undefined;
    if (role.data === 'head_office') return { username, role: role.data, sites: null };
    const grants = await this.db.all<{ site: string }>('SELECT site FROM grants WHERE username = ? ORDER BY site', [username]);
    return { username, role: role.data, sites: grants.map((g) => g.site) };
  }
}

/** The sites a query may cover: the one asked for (403 when not granted), else all the user may see (`null` = every site). */
export function visibleSites(user: OfficeUser, asked?: string): string[] | null {
  if (asked === undefined) return user.sites;
  if (user.sites !== null && !user.sites.includes(asked)) throw new SiteNotGranted(asked);
  return [asked];
}
