import type { Ticket, TicketStatus, Username } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';

/** The ticket after one lifecycle step, with the step in its history. */
export function step(
  ticket: Ticket,
  at: string,
  actor: Actor,
  action: string,
  status: TicketStatus,
  assignee: Username | null,
  note?: string,
): Ticket {
  const entry = { at, actor: actor.ref, action, status, assignee, ...(note ? { note } : {}) };
  return { ...ticket, status, assignee, updatedAt: at, history: [...ticket.history, entry] };
}

/** Keeps the latest rejection's "assignee response" current as the job moves on. */
export function respond(ticket: Ticket, response: Ticket['rejections'][number]['response']): Ticket {
  const last = ticket.rejections.at(-1);
  if (!last || !(last.response === 'pending' || last.response === 'reworking')) return ticket;
  if (last.response === response) return ticket;
  return { ...ticket, rejections: [...ticket.rejections.slice(0, -1), { ...last, response }] };
}
