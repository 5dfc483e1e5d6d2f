import type { BreachKind, Category, Change, Priority, SlaEscalation, Team, Ticket, TicketSla } from '../contracts/index.ts';
import { defaultEscalation } from '../contracts/index.ts';
import { Refusal } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';

const raised: Record<Priority, Priority | null> = { low: 'normal', normal: 'high', high: 'urgent', urgent: null };

/** What the escalation of one breach is decided on: the ticket, its clocks read now, its category and team. */
export interface BreachFacts {
  ticket: Ticket;
  sla: TicketSla;
  breach: BreachKind;
  category: Category;
  team: Team | undefined;
  /** Whether the site works at `at`, by its calendar. */
  workingNow: boolean;
  /** Whether this breach was escalated already. */
  escalatedBefore: boolean;
  actor: Actor;
  at: string;
}

/**
 * Escalating a breached clock, once: the category's settings say whether to tell the ticket's
 * holder and the team's supervisor, raise the priority one step, hand the ticket to the supervisor.
 * A ticket that is not urgent is escalated during working hours only (the tick waits for them).
 */
export function decideEscalation(f: BreachFacts): { changes: Change[]; result: SlaEscalation } {
  const { ticket, breach, at } = f;
  if (f.escalatedBefore) throw new Refusal('ALREADY_ESCALATED', `the ${breach} breach of ${ticket.id} was escalated already`, { ticket: ticket.id, breach });
  const clock = f.sla[breach];
  if (!clock.breached || clock.state === 'stopped' || !clock.breachedAt) {
    throw new Refusal('NOT_BREACHED', `the ${breach} clock of ${ticket.id} has not run out`, { ticket: ticket.id, breach, state: clock.state });
  }
  const urgent = ticket.priority === 'urgent';
  if (!urgent && !f.workingNow) throw new Refusal('OUTSIDE_WORKING_HOURS', `${ticket.id} is not urgent: its breach is escalated in working hours`, { ticket: ticket.id, breach });

  const settings = f.category.escalation ?? defaultEscalation;
  const supervisor = f.team?.supervisor ?? null;
  const notified = settings.notify ? [...new Set([ticket.assignee, supervisor].filter((u): u is string => u !== null))] : [];
  const to = settings.raisePriority ? raised[ticket.priority] : null;
  const handOver = settings.reassign && supervisor !== null && !(ticket.assignee === supervisor && ticket.status === 'escalated');

  const escalation: SlaEscalation = {
    ticket: ticket.id, breach, breachedAt: clock.breachedAt, at, urgent: urgent && !f.workingNow, notified, team: ticket.team,
    priority: to ? { from: ticket.priority, to } : null,
    reassignedTo: handOver ? supervisor : null,
  };
  const changes: Change[] = [{ entity: 'sla-escalation', type: 'sla-breach-escalated', state: escalation }];
  if (to || handOver) {
    const entry = {
      at, actor: f.actor.ref, action: 'sla-escalate', status: handOver ? 'escalated' as const : ticket.status,
      assignee: handOver ? supervisor : ticket.assignee, note: `${breach} target breached`,
    };
    const state: Ticket = { ...ticket, ...(to ? { priority: to } : {}), status: entry.status, assignee: entry.assignee, updatedAt: at, history: [...ticket.history, entry] };
    changes.push({ entity: 'ticket', type: 'ticket-sla-escalated', state });
  }
  if (settings.notify) {
    changes.push({ entity: 'team', type: 'team-notified', state: { team: ticket.team, at, kind: 'escalation', ticket: ticket.id, room: ticket.room, reason: `sla-${breach}-breached` } });
  }
  return { changes, result: escalation };
}
