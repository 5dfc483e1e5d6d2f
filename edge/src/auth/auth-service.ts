import { DomainError, Unauthorized } from '../domain-error.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type Actor, actorOf, panelActor, tenantActor } from '../rights/actor.ts';
import type { Clock, CommandHandler } from '../commands/handler.ts';
import { verifySecret } from './passwords.ts';
import { type Session, Sessions } from '../store/sessions.sqlite.ts';
import { SignInAttempts } from '../store/sign-in-attempts.sqlite.ts';
import { type GuardPolicy, type Reservation, reserveAttempt } from './attempt-guard.ts';

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

const DAY_MS = 24 * 60 * 60_000;
const pinPolicy: GuardPolicy = { maxAttempts: PANEL_MAX_ATTEMPTS, lockMs: PANEL_LOCK_MS, forgetMs: DAY_MS };
const passwordPolicy: GuardPolicy = { maxAttempts: LOGIN_MAX_FAILURES, lockMs: LOGIN_LOCK_MS, forgetMs: DAY_MS };

/** Told each time a secret is compared (a PIN or a password, the decoy for an unknown name included). */
export type SecretCheckListener = (kind: 'pin' | 'password') => void;

/**
 * Staff sign in with a password, door panels with their room's PIN; both get a server-side
 * session. Every attempt is counted before its secret is compared (`reserveAttempt`), in the
 * site's database: a burst of guesses has at most the limit compared, and a lock outlives a
 * restart. A right secret clears the count.
 */
export class AuthService {
  readonly sessions: Sessions;
  readonly attempts: SignInAttempts;

  constructor(
    private readonly store: SiteStore,
    private readonly commands: CommandHandler,
    private readonly clock: Clock,
    private readonly onSecretCheck: SecretCheckListener = () => {},
  ) {
    this.sessions = store.sessions;
    this.attempts = new SignInAttempts(store.db);
  }

  async login(username: string, password: string) {
    const key = `password:${username}`;
    const reserved = this.#reserve(key, passwordPolicy);
    if ('lockedForSeconds' in reserved) throw new SignInLocked(reserved.lockedForSeconds);
    const record = this.store.directory.user(username);
    this.onSecretCheck('password');
    const ok = await verifySecret(record?.passwordHash, password);
    if (!record || !ok || !record.user.active) {
      if (reserved.attempt >= LOGIN_MAX_FAILURES) throw new SignInLocked(LOGIN_LOCK_MS / 1000);
      throw new Unauthorized('BAD_CREDENTIALS', 'wrong username or password');
    }
    this.attempts.clear(key);
    const role = record.user.role;
    const { token, expiresAt } = await this.commands.handle(actorOf(record.user), { user: username }, { type: 'open-session', kind: 'user', role });
    return { token, session: { kind: 'user' as const, subject: username, role, room: null, expiresAt } };
  }

  async panelLogin(room: string, pin: string) {
    const panel = this.store.directory.panel(room);
    const key = `pin:${room}`;
    const reserved = panel ? this.#reserve(key, pinPolicy) : { attempt: 0 };
    if ('lockedForSeconds' in reserved) throw new PanelLocked(reserved.lockedForSeconds);
    this.onSecretCheck('pin');
    const ok = await verifySecret(panel?.pinHash, pin);
    if (!panel) throw new Unauthorized('BAD_CREDENTIALS', 'this room has no door panel');
    if (!ok) {
      if (reserved.attempt >= PANEL_MAX_ATTEMPTS) throw new PanelLocked(PANEL_LOCK_MS / 1000);
      const triesLeft = PANEL_MAX_ATTEMPTS - reserved.attempt;
      throw new Unauthorized('BAD_CREDENTIALS', `wrong PIN (${triesLeft} tries left before the panel locks)`, { triesLeft });
    }
    this.attempts.clear(key);
    const { token, expiresAt } = await this.commands.handle(panelActor(room), { panel: room }, { type: 'open-session', kind: 'panel', role: 'panel' });
    return { token, session: { kind: 'panel' as const, subject: room, role: 'panel', room, expiresAt } };
  }

  /** Signs a session out through the command path, so its live sockets close after the commit. */
  async logout(token: string): Promise<void> {
    const found = this.actor(token);
    if (!found) return;
    const { session, actor } = found;
    const target = session.kind === 'panel' ? { panel: session.room ?? '' } : session.kind === 'tenant' ? { person: session.subject } : { user: session.subject };
    await this.commands.handle(actor, target, { type: 'close-session', token });
  }

  /** Counts the attempt (or finds the key locked) before anything is awaited, so concurrent requests see it. */
  #reserve(key: string, policy: GuardPolicy): Reservation {
    const now = this.clock();
    if (!this.attempts.get(key)) this.attempts.forgetBefore(new Date(Date.parse(now) - policy.forgetMs).toISOString(), now);
    return this.attempts.update(key, (count) => reserveAttempt(count, now, policy));
  }

  /** The actor behind a session token, or undefined when it is unknown, expired or its user was disabled. */
  actor(token: string | undefined): { actor: Actor; session: Session } | undefined {
    if (!token) return undefined;
    const session = this.sessions.find(token, this.clock());
    if (!session) return undefined;
    if (session.kind === 'panel') {
      return { session, actor: panelActor(session.room ?? '') };
    }
    if (session.kind === 'tenant') {
      // A tenant acts with what the directory says of them now: a changed company or role applies at once.
      const person = this.store.entries.persons.get(session.subject);
      if (!person?.email) return undefined;
      return { session, actor: tenantActor(person) };
    }
    const record = this.store.directory.user(session.subject);
    if (!record?.user.active) return undefined;
    return { session, actor: actorOf(record.user) };
  }
}
