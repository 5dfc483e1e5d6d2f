import type { KpiReport, TicketStatus } from '../contracts/index.ts';
import type { KpiWindow } from './kpi-window.ts';

const openStatuses: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'done', 'rejected', 'escalated'];
const MINUTE_MS = 60_000;

const round1 = (value: number) => Math.round(value * 10) / 10;
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** What the figures need to know about one ticket, read flat from the store. */
export interface TicketFacts {
  id: string;
  status: string;
  team: string;
  category: string;
  createdAt: string;
  dueAt: string;
  /** When it was first approved (`verified`), or null. */
  resolvedAt: string | null;
  /** How often the work was reported finished (each time it went to `done`). */
  completions: number;
  rejections: number;
  /** The occupant's 1–5 stars, or null. */
  rating: number | null;
}

/**
 * The facility figures for tickets reported in a window. Resolving means approval
 * (`verified`); a ticket breaches its SLA when it was approved after its due time, or is
 * still unapproved past it at `now`. Cancelled tickets count for neither.
 */
export function kpiReport(facts: readonly TicketFacts[], open: Record<string, number>, window: KpiWindow, now: string): Omit<KpiReport, 'breaches' | 'vendors' | 'revenue'> {
  const resolved = facts.filter((f) => f.resolvedAt !== null);
  const resolveMinutes = resolved.map((f) => (Date.parse(f.resolvedAt!) - Date.parse(f.createdAt)) / MINUTE_MS);
  const counted = facts.filter((f) => f.status !== 'cancelled');
  const breached = counted.filter((f) => Date.parse(f.resolvedAt ?? now) > Date.parse(f.dueAt));
  const ratings = facts.flatMap((f) => (f.rating === null ? [] : [f.rating]));
  const mean = (values: number[]) => (values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length));
  const breachShare = ratio(breached.length, counted.length);
  return {
    from: window.from,
    to: window.to,
    generatedAt: now,
    reported: facts.length,
    openByStatus: Object.fromEntries(openStatuses.map((s) => [s, open[s] ?? 0])),
    resolution: { resolved: resolved.length, meanMinutes: mean(resolveMinutes) },
    sla: { counted: counted.length, breached: breached.length, percent: breachShare === null ? null : round1(breachShare * 100) },
    rejections: {
      byCategory: shares(facts, (f) => f.category).map(({ key, ...share }) => ({ category: key, ...share })),
      byTeam: shares(facts, (f) => f.team).map(({ key, ...share }) => ({ team: key, ...share })),
    },
    ratings: {
      count: ratings.length,
      average: mean(ratings),
      distribution: [1, 2, 3, 4, 5].map((stars) => ratings.filter((r) => r === stars).length),
    },
  };
}

/** Rejections over finished services per group; groups with nothing finished yet have no rate to show. */
function shares(facts: readonly TicketFacts[], keyOf: (f: TicketFacts) => string) {
  const groups = new Map<string, { completed: number; rejected: number }>();
  for (const f of facts) {
    const group = groups.get(keyOf(f)) ?? { completed: 0, rejected: 0 };
    group.completed += f.completions;
    group.rejected += f.rejections;
    groups.set(keyOf(f), group);
  }
  return [...groups.entries()]
    .filter(([, g]) => g.completed > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, g]) => ({ key, ...g, percent: round1((g.rejected / g.completed) * 100) }));
}
