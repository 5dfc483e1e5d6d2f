import type { Change, PushMessage } from '../contracts/index.ts';
import type { PublicAddress } from '../http/public-address.ts';

/** Changes that never move a request on for its tenant: they file, note, link or tick it off. */
const QUIET = new Set(['ticket-opened', 'ticket-commented', 'ticket-attachments-added', 'ticket-linked', 'ticket-checklist-changed']);

/**
 * Whom a committed change of a request tells at the tenant portal, and what: its reporting
 * person and the persons it is shared with get a reply to it, and each new status.
 */
export function tenantPushesFor(change: Change, links: PublicAddress): { owner: string; message: PushMessage }[] {
  if (change.entity !== 'ticket' || QUIET.has(change.type)) return [];
  const t = change.state;
  const persons = new Set([...(t.reporter.kind === 'person' && t.reporter.id ? [t.reporter.id] : []), ...(t.links?.persons ?? [])]);
  if (persons.size === 0) return [];
  const url = links.page(`/portal#request=${encodeURIComponent(t.id)}`);
  let message: PushMessage | undefined;
  if (change.type === 'ticket-replied') message = { code: 'request-replied', ticket: t.id, title: t.title, url };
  else {
    const [before, last] = t.history.slice(-2);
    if (before && last && last.status !== before.status && last.status === t.status) message = { code: 'request-status', ticket: t.id, title: t.title, url, status: t.status };
  }
  return message ? [...persons].map((id) => ({ owner: `person:${id}`, message: message! })) : [];
}
