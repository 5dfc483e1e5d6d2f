import { describe, expect, it } from 'vitest';
import { backoffMs, crowdedWaitMs } from './backoff.ts';

const noJitter = () => 1;

describe('the reconnect backoff', () => {
  it('doubles the wait after each failed attempt', () => {
    const attempts = [0, 1, 2, 3];

    const waits = attempts.map((a) => backoffMs(a, noJitter));

    expect(waits).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than thirty seconds', () => {
    const attempt = 40;

    const wait = backoffMs(attempt, noJitter);

    expect(wait).toBe(30_000);
  });

  it('takes off up to a quarter as jitter', () => {
    const lowest = () => 0;

    const wait = backoffMs(3, lowest);

    expect(wait).toBe(3000);
  });
});

describe('the wait after being turned away for too many feeds', () => {
  it('is a minute, with up to a quarter more as jitter', () => {
    expect(crowdedWaitMs(() => 0)).toBe(60_000);
    expect(crowdedWaitMs(() => 1)).toBe(75_000);
  });
});
