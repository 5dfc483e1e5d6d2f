import { DomainError, Unauthorized } from '../domain-error.ts';
import type { Role } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type Actor, actorOf, panelActor } from '../rights/actor.ts';
import type { Clock, CommandHandler } from '../commands/handler.ts';
import { verifySecret } from './passwords.ts';
import { type Session, Sessions } from '../store/sessions.sqlite.ts';

export const PANEL_MAX_ATTEMPTS = 5;
export const PANEL_LOCK_MS = 60_000;

export class PanelLocked extends DomainError {
  readonly code = 'PANEL_LOCKED';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many wrong PINs: this panel is locked for ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_LOCK_MS = 5 * 60_000;

export class SignInLocked extends DomainError {
  readonly code = 'SIGN_IN_LOCKED';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many wrong passwords for this username: try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Wrong passwords per username: after LOGIN_MAX_FAILURES in a row the name is locked for
 * LOGIN_LOCK_MS, so a password cannot be guessed at network speed. Held in memory (a
 * restart clears it); a right password resets the count.
 */
class PasswordGuard {
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();

  check(username: string, now: number): void {
    const entry = this.#failures.get(username);
    if (entry && entry.lockedUntil > now) throw new SignInLocked(Math.ceil((entry.lockedUntil - now) / 1000));
  }

  failed(username: string, now: number): void {
    const entry = this.#failures.get(username) ?? { count: 0, lockedUntil: 0 };
    entry.count = entry.lockedUntil > 0 && entry.lockedUntil <= now ? 1 : entry.count + 1;
    entry.lockedUntil = entry.count >= LOGIN_MAX_FAILURES ? now + LOGIN_LOCK_MS : 0;
    this.#failures.set(username, entry);
    if (entry.lockedUntil) throw new SignInLocked(LOGIN_LOCK_MS / 1000);
  }

  succeeded(username: string): void {
    this.#failures.delete(username);
  }
}

/** Staff sign in with a password, door panels with their room's PIN; both get a server-side session. */
export class AuthService {
  readonly sessions: Sessions;
  readonly #passwords = new PasswordGuard();

  constructor(private readonly store: SiteStore, private readonly commands: CommandHandler, private readonly clock: Clock) {
    this.sessions = store.sessions;
  }

  async login(username: string, password: string) {
    this.#passwords.check(username, Date.parse(this.clock()));
    const record = this.store.directory.user(username);
    const ok = await verifySecret(record?.passwordHash, password);
    if (!record || !ok || !record.user.active) {
      this.#passwords.failed(username, Date.parse(this.clock()));
      throw new Unauthorized('BAD_CREDENTIALS', 'wrong username or password');
    }
    this.#passwords.succeeded(username);
    const role = record.user.role;
    const { token, expiresAt } = await this.commands.handle(actorOf(record.user), { user: username }, { type: 'open-session', kind: 'user', role });
    return { token, session: { kind: 'user' as const, subject: username, role, room: null, expiresAt } };
  }

  async panelLogin(room: string, pin: string) {
    const panel = this.store.directory.panel(room);
    const now = this.clock();
    const lockedFor = panel?.lockedUntil ? Date.parse(panel.lockedUntil) - Date.parse(now) : 0;
    if (lockedFor > 0) throw new PanelLocked(Math.ceil(lockedFor / 1000));
    const ok = await verifySecret(panel?.pinHash, pin);
    if (!panel) throw new Unauthorized('BAD_CREDENTIALS', 'this room has no door panel');
    if (!ok) {
      const failed = this.store.directory.failPanelAttempt(room);
      if (failed >= PANEL_MAX_ATTEMPTS) {
        this.store.directory.lockPanel(room, new Date(Date.parse(now) + PANEL_LOCK_MS).toISOString());
        throw new PanelLocked(PANEL_LOCK_MS / 1000);
      }
      throw new Unauthorized('BAD_CREDENTIALS', `wrong PIN (${PANEL_MAX_ATTEMPTS - failed} tries left before the panel locks)`);
    }
    this.store.directory.lockPanel(room, null);
    const { token, expiresAt } = await this.commands.handle(panelActor(room), { panel: room }, { type: 'open-session', kind: 'panel', role: 'panel' });
    return { token, session: { kind: 'panel' as const, subject: room, role: 'panel', room, expiresAt } };
  }

  /** Signs a session out through the command path, so its live sockets close after the commit. */
  async logout(token: string): Promise<void> {
    const found = this.actor(token);
    if (!found) return;
    const { session, actor } = found;
    const target = session.kind === 'panel' ? { panel: session.room ?? '' } : { user: session.subject };
    await this.commands.handle(actor, target, { type: 'close-session', token });
  }

  /** The actor behind a session token, or undefined when it is unknown, expired or its user was disabled. */
  actor(token: string | undefined): { actor: Actor; session: Session } | undefined {
    if (!token) return undefined;
    const session = this.sessions.find(token, this.clock());
    if (!session) return undefined;
    if (session.kind === 'panel') {
      return { session, actor: panelActor(session.room ?? '') };
    }
    const record = this.store.directory.user(session.subject);
    if (!record?.user.active) return undefined;
    return { session, actor: actorOf(record.user) };
  }
}
