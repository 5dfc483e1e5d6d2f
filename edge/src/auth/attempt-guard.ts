import type { AttemptCount } from '../store/sign-in-attempts.sqlite.ts';

/** How many wrong secrets a key may have before it locks, for how long, and when a quiet count is forgotten. */
export interface GuardPolicy { maxAttempts: number; lockMs: number; forgetMs: number }

/** A reserved attempt (its number), or the seconds until the key unlocks. */
export type Reservation = { attempt: number } | { lockedForSeconds: number };

/**
 * Counts an attempt before its secret is compared, so that however many arrive at once, at
 * most `maxAttempts` are compared: the one that reaches the limit locks the key at once, and
 * a right secret afterwards clears the count. An expired lock, or a count untouched for
 * `forgetMs`, starts again from nothing.
 */
export function reserveAttempt(count: AttemptCount | undefined, now: string, policy: GuardPolicy): { next: AttemptCount; answer: Reservation } {
  const at = Date.parse(now);
  const lockedFor = count?.lockedUntil ? Date.parse(count.lockedUntil) - at : 0;
  if (count && lockedFor > 0) return { next: count, answer: { lockedForSeconds: Math.ceil(lockedFor / 1000) } };
  const stale = !count || count.lockedUntil !== null || at - Date.parse(count.lastAt) > policy.forgetMs;
  const attempts = (stale ? 0 : count.attempts) + 1;
  const lockedUntil = attempts >= policy.maxAttempts ? new Date(at + policy.lockMs).toISOString() : null;
  return { next: { attempts, lockedUntil, lastAt: now }, answer: { attempt: attempts } };
}
