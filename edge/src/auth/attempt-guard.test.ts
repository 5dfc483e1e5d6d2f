import { describe, expect, it } from 'vitest';
import { type GuardPolicy, reserveAttempt } from './attempt-guard.ts';

const policy: GuardPolicy = { maxAttempts: 3, lockMs: 60_000, forgetMs: 3_600_000 };
const at = (s: number) => new Date(Date.parse('2026-12-01T10:00:00.000Z') + s * 1000).toISOString();

describe('reserving a sign-in attempt before its secret is compared', () => {
  it('numbers attempts and locks the key with the one that reaches the limit', () => {
    let count;
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const { next, answer } = reserveAttempt(count, at(i), policy);
      count = next;
      answers.push(answer);
    }

    expect(answers).toEqual([{ attempt: 1 }, { attempt: 2 }, { attempt: 3 }, { lockedForSeconds: 59 }]);
    expect(count).toEqual({ attempts: 3, lockedUntil: at(62), lastAt: at(2) });
  });

  it('starts again after the lock has run out', () => {
    const locked = { attempts: 3, lockedUntil: at(60), lastAt: at(0) };

    const { next, answer } = reserveAttempt(locked, at(61), policy);

    expect(answer).toEqual({ attempt: 1 });
    expect(next).toEqual({ attempts: 1, lockedUntil: null, lastAt: at(61) });
  });

  it('forgets a count left alone longer than the policy remembers it', () => {
    const { answer } = reserveAttempt({ attempts: 2, lockedUntil: null, lastAt: at(0) }, at(3_601), policy);

    expect(answer).toEqual({ attempt: 1 });
  });
});
