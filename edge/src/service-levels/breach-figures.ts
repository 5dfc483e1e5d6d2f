import type { Breaches, KpiReport } from '../contracts/index.ts';
import type { BreachFact } from '../store/sla-escalation-rows.sqlite.ts';

const round1 = (value: number) => Math.round(value * 10) / 10;

function tally(facts: readonly BreachFact[]): Breaches {
  const response = facts.filter((f) => f.response).length;
  const resolution = facts.filter((f) => f.resolution).length;
  const breached = facts.filter((f) => f.response || f.resolution).length;
  return { counted: facts.length, breached, response, resolution, percent: facts.length === 0 ? null : round1((breached / facts.length) * 100) };
}

function grouped(facts: readonly BreachFact[], keysOf: (f: BreachFact) => string[]): [string, Breaches][] {
  const groups = new Map<string, BreachFact[]>();
  for (const f of facts) for (const key of keysOf(f)) groups.set(key, [...(groups.get(key) ?? []), f]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => [key, tally(list)]);
}

/** Breaches of the window's tickets overall and per category, team and vendor (a ticket counts for each vendor it was sent to). */
export function breachFigures(facts: readonly BreachFact[]): KpiReport['breaches'] {
  return {
    ...tally(facts),
    byCategory: grouped(facts, (f) => [f.category]).map(([category, b]) => ({ category, ...b })),
    byTeam: grouped(facts, (f) => [f.team]).map(([team, b]) => ({ team, ...b })),
    byVendor: grouped(facts, (f) => (f.vendors ? f.vendors.split(',') : [])).map(([vendor, b]) => ({ vendor, ...b })),
  };
}
