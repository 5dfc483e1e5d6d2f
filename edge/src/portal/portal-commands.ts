import type { Change, PortalCommand, Reporter, Ticket } from '../contracts/index.ts';
import { PORTAL_LINK_MINUTES, PORTAL_LINKS_PER_WINDOW, sessionExpiry } from '../contracts/index.ts';
import type { CommandInput, CommandModule, Outcome } from '../commands/command-module.ts';
import { Forbidden, NotFound, Refusal } from '../domain-error.ts';
import { tokenDigest } from '../auth/token.ts';
import type { Actor } from '../rights/actor.ts';
import { refusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { newTicket } from '../tickets/open-ticket.ts';
import { reads } from '../tickets/site-reads.ts';

const minutesAfter = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

/**
 * A link is sent only to a known person with an address, and at most a few per window: an
 * unknown address, or one asked for too often, changes nothing, and the caller is answered
 * the same either way.
 */
function sendLink(store: SiteStore, { command, at, newToken }: CommandInput<Extract<PortalCommand, { type: 'send-portal-link' }>>): Outcome {
  const person = store.entries.personByEmail(command.email);
  if (!person?.email) return { changes: [], result: { sent: true } };
  if (store.portal.linksSince(person.id, minutesAfter(at, -PORTAL_LINK_MINUTES)) >= PORTAL_LINKS_PER_WINDOW) return { changes: [], result: { sent: true } };
  const token = newToken(32);
  const state = { person: person.id, expiresAt: minutesAfter(at, PORTAL_LINK_MINUTES) };
  return { changes: [{ entity: 'portal-link', type: 'portal-link-sent', state, tokenDigest: tokenDigest(token), token }], result: { sent: true } };
}

/** A link opens one tenant session, once, within its minutes. */
function spendLink(store: SiteStore, { command, at, newToken }: CommandInput<Extract<PortalCommand, { type: 'spend-portal-link' }>>): Outcome {
  const digest = tokenDigest(command.token);
  const link = store.portal.link(digest);
  if (!link) throw new NotFound('sign-in link', 'given');
  if (link.usedAt) throw new Refusal('SIGN_IN_LINK_USED', 'this sign-in link was used already: ask for a new one', { usedAt: link.usedAt });
  if (Date.parse(link.expiresAt) <= Date.parse(at)) throw new Refusal('SIGN_IN_LINK_EXPIRED', `this sign-in link expired at ${link.expiresAt}: ask for a new one`, { expiresAt: link.expiresAt });
  const person = store.entries.persons.get(link.person);
  if (!person?.email) throw new NotFound('sign-in link', 'given');
  const token = newToken(32);
  const expiresAt = sessionExpiry('tenant', at);
  const role = person.tenantAdmin ? 'tenant_admin' : 'tenant';
  const changes: Change[] = [
    { entity: 'portal-link', type: 'portal-link-spent', state: { person: person.id }, tokenDigest: digest },
    { entity: 'session', type: 'session-opened', state: { kind: 'tenant', role }, session: { subject: person.id, tokenDigest: tokenDigest(token), expiresAt } },
  ];
  return { changes, result: { token, expiresAt, person: person.id } };
}

/** A tenant files a request for a room of their unit; they follow it in the portal and by the tracking link their mail carries. */
function openRequest(store: SiteStore, input: CommandInput<Extract<PortalCommand, { type: 'open-request' }>>): Outcome {
  const { actor, command, at, newToken } = input;
  const refused = refusal(actor, 'open-request');
  if (refused) throw refused;
  const person = tenantOf(store, actor);
  const unit = person.unit ? store.entries.units.get(person.unit) : undefined;
  if (!unit?.rooms.includes(command.room)) {
    throw new Forbidden('NOT_YOUR_UNIT', `room ${command.room} is not a room of your unit`, { rooms: unit?.rooms ?? [] });
  }
  const room = reads.room(store, command.room);
  const category = reads.category(store, command.category);
  const reporter: Reporter = { kind: 'person', id: person.id, contact: person.email };
  const opened = newTicket({
    id: input.nextTicketId(), at, actor, room, category, kind: 'inquiry', priority: command.priority,
    title: command.title, description: command.description, reporter, assignee: null, parent: null,
  });
  const ticket: Ticket = { ...opened.ticket, links: { persons: [person.id], unit: unit.id, installation: null } };
  const trackToken = newToken(18);
  const changes = opened.changes.map((c): Change => (c.entity === 'ticket' && c.state.id === ticket.id ? { ...c, state: ticket, trackDigest: tokenDigest(trackToken), trackToken } : c));
  return { changes, result: { ticket } };
}

export function tenantOf(store: SiteStore, actor: Actor) {
  const person = actor.person ? store.entries.persons.get(actor.person) : undefined;
  if (!person) throw new Forbidden('NOT_PERMITTED', 'the portal is for tenants signed in by their link', { role: actor.role });
  return person;
}

/** The tenant portal's commands: sign-in links, and requests filed by tenants. */
export const portalCommands: CommandModule<PortalCommand> = {
  types: ['send-portal-link', 'spend-portal-link', 'open-request'],

  run(store, input): Outcome {
    switch (input.command.type) {
      case 'send-portal-link': return sendLink(store, input as CommandInput<Extract<PortalCommand, { type: 'send-portal-link' }>>);
      case 'spend-portal-link': return spendLink(store, input as CommandInput<Extract<PortalCommand, { type: 'spend-portal-link' }>>);
      default: return openRequest(store, input as CommandInput<Extract<PortalCommand, { type: 'open-request' }>>);
    }
  },
};
