import type { PortalRequest, PortalRequestDetail, Ticket } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { hiddenFrom } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { requestSubject } from './request-subject.ts';

function relation(actor: Actor, ticket: Ticket): PortalRequest['relation'] {
  if (ticket.reporter.kind === 'person' && ticket.reporter.id === actor.person) return 'reported';
  if (actor.person && ticket.links?.persons.includes(actor.person)) return 'shared';
  return 'company';
}

/** Whether the tenant reads this request: the scope of their `read-requests` row. */
export const readsRequest = (store: SiteStore, actor: Actor, ticket: Ticket) => hiddenFrom(actor, requestSubject(store, ticket)) === null;

/** A request as its tenant sees it in a list: what, where, how far; no names, no notes. */
export function portalRequest(store: SiteStore, actor: Actor, ticket: Ticket): PortalRequest {
  const room = store.rooms.get(ticket.room);
  return {
    id: ticket.id, title: ticket.title, ...(ticket.titlePhrase ? { titlePhrase: ticket.titlePhrase } : {}), category: ticket.category, status: ticket.status,
    room: { id: ticket.room, name: room?.name ?? ticket.room, ...(room?.names ? { names: room.names } : {}) },
    createdAt: ticket.createdAt, updatedAt: ticket.updatedAt, relation: relation(actor, ticket),
  };
}

/**
 * The request with its timeline: each change of status and each reply from the facility team.
 * Internal notes, comments and who did what stay out.
 */
export function portalRequestDetail(store: SiteStore, actor: Actor, ticket: Ticket): PortalRequestDetail {
  const timeline: PortalRequestDetail['timeline'] = [];
  let status: string | null = null;
  for (const entry of ticket.history) {
    if (entry.visibility === 'reporter') timeline.push({ at: entry.at, status: entry.status, kind: 'reply', text: entry.note ?? '' });
    else if (entry.status !== status) timeline.push({ at: entry.at, status: entry.status, kind: 'status' });
    status = entry.status;
  }
  return {
    ...portalRequest(store, actor, ticket), description: ticket.description, timeline, approvals: store.portal.approvalsOf(ticket.id),
    replies: ticket.history.filter((h) => h.visibility === 'reporter').map((h) => ({ at: h.at, text: h.note ?? '' })),
  };
}

/** The requests the tenant reads, newest first. */
export function portalRequests(store: SiteStore, actor: Actor): Ticket[] {
  const me = actor.person ? store.entries.persons.get(actor.person) : undefined;
  if (!me) return [];
  const company = actor.company;
  const colleagues = company ? store.entries.persons.list(5000).filter((p) => p.company?.trim() === company).map((p) => p.id) : [];
  const units = company ? store.entries.units.list(5000).filter((u) => u.company?.trim() === company) : [];
  const near = { persons: [...new Set([me.id, ...colleagues])], units: units.map((u) => u.id), rooms: units.flatMap((u) => u.rooms) };
  return store.portal.candidateTickets(near).filter((t) => readsRequest(store, actor, t));
}
