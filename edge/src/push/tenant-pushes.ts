import type { Change, PersonRecord, PushMessage, Ticket } from '../contracts/index.ts';
import type { PublicAddress } from '../http/public-address.ts';
import { requestSubject } from '../portal/request-subject.ts';
import { tenantActor } from '../rights/actor.ts';
import { visibleTo } from '../rights/visibility.ts';
import type { SiteStore } from '../store/site-store.ts';

/** Changes that never move a request on for its tenant: they file, note, link or tick it off. */
const QUIET = new Set(['ticket-opened', 'ticket-commented', 'ticket-attachments-added', 'ticket-linked', 'ticket-checklist-changed']);

/**
 * The persons who may be told of a request: of those with a push subscription, its reporting
 * person, those it is shared with and the people of its company; of these, the rights table
 * (`read-requests` and its scope) says who reads it, so a company's tenant administrator hears of
 * a colleague's request and a plain tenant does not. With no tenant subscribed, nothing is looked up.
 */
function readersOf(store: SiteStore, ticket: Ticket): PersonRecord[] {
  const subscribed = store.push.owners('person:').map((owner) => store.entries.persons.get(owner.slice('person:'.length)))
    .filter((person): person is PersonRecord => !!person?.email);
  if (subscribed.length === 0) return [];
  const subject = requestSubject(store, ticket);
  const named = new Set([...(ticket.reporter.kind === 'person' && ticket.reporter.id ? [ticket.reporter.id] : []), ...(ticket.links?.persons ?? [])]);
  return subscribed.filter((person) => (named.has(person.id) || (!!subject.company && person.company?.trim() === subject.company))
    && visibleTo(tenantActor(person), subject));
}

/** What a committed change of a request says at the tenant portal: a reply to it, or its new status. */
function messageOf(change: Change & { entity: 'ticket' }, links: PublicAddress): Omit<PushMessage, 'language'> | undefined {
  const t = change.state;
  const url = links.page(`/portal#request=${encodeURIComponent(t.id)}`);
  if (change.type === 'ticket-replied') return { code: 'request-replied', ticket: t.id, title: t.title, url };
  const [before, last] = t.history.slice(-2);
  if (before && last && last.status !== before.status && last.status === t.status) return { code: 'request-status', ticket: t.id, title: t.title, url, status: t.status };
  return undefined;
}

/** Whom a committed change of a request tells at the tenant portal, and what, in each reader's own language. */
export function tenantPushesFor(change: Change, store: SiteStore, links: PublicAddress): { owner: string; message: PushMessage }[] {
  if (change.entity !== 'ticket' || QUIET.has(change.type)) return [];
  const message = messageOf(change, links);
  if (!message) return [];
  return readersOf(store, change.state).map((person) => ({ owner: `person:${person.id}`, message: { ...message, language: person.language } }));
}
