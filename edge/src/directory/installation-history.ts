import type { Installation, InstallationHistory, Ticket } from '../contracts/index.ts';

const working = new Set(['claim', 'accept', 'start', 'complete', 'transfer', 'assign', 'open']);

/** Who worked a ticket: everyone it was given to, and whoever claimed, started or completed it. */
export function workedBy(ticket: Ticket): string[] {
  const people = new Set<string>();
  for (const h of ticket.history) {
    if (h.assignee) people.add(h.assignee);
    if (working.has(h.action) && h.action !== 'open' && h.actor.startsWith('user:')) people.add(h.actor.slice('user:'.length));
  }
  return [...people];
}

/** An installation's record, from the tickets linked to it (those the reader sees). */
export function installationHistory(installation: Installation, tickets: readonly Ticket[]): InstallationHistory {
  return {
    installation,
    tickets: tickets.map((t) => ({
      id: t.id, kind: t.kind, title: t.title, status: t.status, createdAt: t.createdAt, updatedAt: t.updatedAt,
      workedBy: workedBy(t),
      rejections: t.rejections.map((r) => ({ at: r.at, by: r.by, reason: r.reason, notes: r.notes })),
    })),
  };
}
