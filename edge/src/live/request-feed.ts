import type { Ticket } from '../contracts/index.ts';
import { portalRequest, readsRequest } from '../portal/request-view.ts';
import { viewRightOf } from '../rights/rights.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type FeedEvent, readableState, sees, type Viewer } from './visibility.ts';

/**
 * Whether the viewer sees tickets as requests (the tenant portal): their view right is
 * `read-requests`, so the rights table's scope of that row (the reporter, their company)
 * says which requests reach them, and only a request's portal view travels.
 */
export const readsRequestsOnly = (viewer: Viewer): viewer is Extract<Viewer, { kind: 'actor' }> =>
  viewer.kind === 'actor' && viewRightOf(viewer.actor.role) === 'read-requests';

/** Changes of a request that only staff see. */
const STAFF_ONLY: ReadonlySet<string> = new Set(['ticket-commented']);

/**
 * What a request reader's socket gets of an event, or undefined when nothing: a change of a
 * request they read (a status, a reply, an approval asked or answered) as the request's list
 * view, read from the store after the commit with its company worked out; announcements as
 * everyone's feed judges them; never a room's status or the rest of the site's log.
 */
export function requestFrameState(store: SiteStore, viewer: Extract<Viewer, { kind: 'actor' }>, event: FeedEvent): unknown {
  if (event.entity.startsWith('ticket:')) {
    // A staff note is not the tenant's business, not even that one was written.
    if (STAFF_ONLY.has(event.type)) return undefined;
    const ticket: Ticket | undefined = store.tickets.get(event.entity.slice('ticket:'.length));
    if (!ticket || !readsRequest(store, viewer.actor, ticket)) return undefined;
    return portalRequest(store, viewer.actor, ticket);
  }
  if (event.entity.startsWith('announcement:') && sees(viewer, event)) return readableState(viewer, event);
  return undefined;
}
