import type { KpiQuery } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';

export interface KpiWindow { from: string; to: string }

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const isDay = (value: string) => value.length === 10;

/**
 * The reporting window as exact UTC times. A day given for `to` includes that whole day,
 * so `from=2026-11-01&to=2026-11-30` is all of November; without `to` the window ends now.
 */
export function kpiWindow(query: KpiQuery, now: string): KpiWindow {
  const to = query.to === undefined ? new Date(now) : new Date(Date.parse(query.to) + (isDay(query.to) ? DAY_MS : 0));
  const from = query.from === undefined ? new Date(to.getTime() - DEFAULT_DAYS * DAY_MS) : new Date(query.from);
  if (from.getTime() >= to.getTime()) {
    throw new Invalid('BAD_WINDOW', 'from must be earlier than to', { from: from.toISOString(), to: to.toISOString() });
  }
  return { from: from.toISOString(), to: to.toISOString() };
}
