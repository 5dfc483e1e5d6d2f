import type { Excursion, ThresholdRule } from '../contracts/index.ts';

/** A reading outside the rule's band: above its limit, or below it. */
export const isOutside = (rule: Pick<ThresholdRule, 'direction' | 'limit'>, value: number) =>
  (rule.direction === 'above' ? value > rule.limit : value < rule.limit);

export type ExcursionStep =
  | { change: 'started'; excursion: Excursion; opens: boolean }
  | { change: 'ticket-due'; excursion: Excursion }
  | { change: 'ended'; excursion: Excursion }
  | null;

/**
 * What one reading does to a rule's excursion. The first reading outside the band starts one;
 * a reading outside once it has lasted `forMinutes` opens work, once; a reading back inside ends
 * it, so the next time out is a new excursion. Any other reading changes nothing.
 */
export function excursionStep(rule: ThresholdRule, current: Excursion | undefined, value: number, at: string): ExcursionStep {
  const outside = isOutside(rule, value);
  if (!outside) return current ? { change: 'ended', excursion: { ...current, lastAt: at, value } } : null;
  if (!current) return { change: 'started', excursion: { rule: rule.id, since: at, lastAt: at, value, ticket: null }, opens: rule.forMinutes === 0 };
  if (current.ticket === null && Date.parse(at) - Date.parse(current.since) >= rule.forMinutes * 60_000) {
    return { change: 'ticket-due', excursion: { ...current, lastAt: at, value } };
  }
  return null;
}
