import type { Change, HistoryEntry, PersonRecord, Ticket, TicketLinks } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import type { Actor } from '../rights/actor.ts';

export const noLinks: TicketLinks = { persons: [], unit: null, installation: null };

/** What the directory knows, for checking the names a link or an inquiry gives. */
export interface Known { person(id: string): boolean; unit(id: string): boolean; installation(id: string): boolean }

/** The ticket's links after a `link-ticket`: what is named replaces what was; what is left out stays. */
export function relinked(links: TicketLinks | undefined, asked: { persons?: string[]; unit?: string | null; installation?: string | null }, known: Known): TicketLinks {
  const missing = (asked.persons ?? []).filter((p) => !known.person(p));
  if (missing.length > 0) throw new Invalid('UNKNOWN_PERSON', `there is no person ${missing.join(', ')}`, { persons: missing });
  if (asked.unit && !known.unit(asked.unit)) throw new Invalid('UNKNOWN_UNIT', `there is no unit ${asked.unit}`, { unit: asked.unit });
  if (asked.installation && !known.installation(asked.installation)) {
    throw new Invalid('UNKNOWN_INSTALLATION', `there is no installation ${asked.installation}`, { installation: asked.installation });
  }
  const before = links ?? noLinks;
  return {
    persons: asked.persons ? [...new Set(asked.persons)] : before.persons,
    unit: asked.unit === undefined ? before.unit : asked.unit,
    installation: asked.installation === undefined ? before.installation : asked.installation,
  };
}

const entry = (ticket: Ticket, at: string, actor: Actor, action: string, extra: Partial<HistoryEntry> = {}): HistoryEntry =>
  ({ at, actor: actor.ref, action, status: ticket.status, assignee: ticket.assignee, ...extra });

export function linkChange(ticket: Ticket, links: TicketLinks, at: string, actor: Actor): Change {
  const before = new Set(ticket.links?.persons ?? []);
  const added = links.persons.filter((p) => !before.has(p));
  return {
    entity: 'ticket', type: 'ticket-linked', state: { ...ticket, links, updatedAt: at, history: [...ticket.history, entry(ticket, at, actor, 'link')] },
    ...(added.length > 0 ? { linkedPersons: added } : {}),
  };
}

/**
 * A reply to the reporter: an entry in the ticket's history the reporter reads (tracking page,
 * mail), never one of the staff's notes. Its event, `ticket-replied`, is what the mail part sends.
 */
export function replyChange(ticket: Ticket, text: string, attachments: readonly string[], at: string, actor: Actor): Change {
  const unknown = attachments.filter((id) => !ticket.attachments.some((a) => a.id === id));
  if (unknown.length > 0) throw new Invalid('UNKNOWN_ATTACHMENT', `the ticket has no attachment ${unknown.join(', ')}`, { attachments: unknown });
  const reply = entry(ticket, at, actor, 'reply', { note: text, visibility: 'reporter', ...(attachments.length ? { attachments: [...attachments] } : {}) });
  return { entity: 'ticket', type: 'ticket-replied', state: { ...ticket, updatedAt: at, history: [...ticket.history, reply] } };
}

/** The replies on a ticket, oldest first. */
export const repliesOf = (ticket: Ticket): HistoryEntry[] => ticket.history.filter((h) => h.visibility === 'reporter');

/** A new contact from a phone call: told by e-mail when an address was given. */
export function newContact(id: string, contact: { name: string; email?: string | undefined; phone?: string | undefined }, at: string): PersonRecord {
  return {
    id, name: contact.name, company: null, email: contact.email ?? null, phone: contact.phone ?? null,
    language: 'en', notifyByEmail: contact.email !== undefined, unit: null, updatedAt: at,
  };
}
