import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/agent/backoff.ts';

const sequence = (backoff: Backoff, n: number) => Array.from({ length: n }, () => backoff.next());

describe('backoff with full jitter', () => {
  it('waits exactly the floor when the dice say so, however long the link has been down', () => {
    const backoff = new Backoff(500, 60_000, () => 0);

    expect(sequence(backoff, 20)).toEqual(Array(20).fill(500));
  });

  it('doubles the ceiling after each failure until the cap', () => {
    const backoff = new Backoff(500, 60_000, () => 0.999_999);

    const waits = sequence(backoff, 10);

    expect(waits).toEqual([999, 1999, 3999, 7999, 15_999, 31_999, 59_999, 59_999, 59_999, 59_999]);
  });

  it('never leaves the bounds with real randomness, and spreads the waits out', () => {
    const backoff = new Backoff(500, 60_000);

    const waits = sequence(backoff, 2_000);

    expect(Math.min(...waits)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60_000);
    expect(new Set(waits.slice(100)).size).toBeGreaterThan(1_000);
  });

  it('starts over after a success', () => {
    const backoff = new Backoff(500, 60_000, () => 0.999_999);
    sequence(backoff, 8);

    backoff.reset();

    expect(backoff.next()).toBe(999);
    expect(backoff.failures).toBe(1);
  });

  it('does not overflow after a very long outage', () => {
    const backoff = new Backoff(500, 60_000, () => 0.5);

    const last = sequence(backoff, 5_000).at(-1)!;

    expect(last).toBe(500 + Math.floor(0.5 * 59_500));
  });

  it('refuses bounds that make no sense', () => {
    expect(() => new Backoff(0, 100)).toThrow(RangeError);
    expect(() => new Backoff(500, 100)).toThrow(RangeError);
  });
});
