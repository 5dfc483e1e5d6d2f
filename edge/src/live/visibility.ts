import { publicAnnouncement, type Announcement, type Ticket } from '../contracts/index.ts';
import { reaches } from '../announcements/audience.ts';
import { may } from '../rights/rights.ts';
import { roomVisibleTo, ticketFor, visibleTo } from '../rights/visibility.ts';
import type { Actor } from '../rights/actor.ts';

/** Who is watching a live feed, and so which events reach them. */
export type Viewer =
  /** A signed-in person or door panel: what the rights table lets them see, as over HTTP. */
  | { kind: 'actor'; actor: Actor }
  /** A sign, an e-paper display or a room's QR page: that room's status and nothing else. */
  | { kind: 'room'; room: string }
  /** A tracking link: it gets its ticket's public view (tickets/track-feed.ts), never raw events. */
  | { kind: 'track'; ticket: string; token: string };

export interface FeedEvent { type: string; entity: string; state: unknown }

export function viewerFor(actor: Actor): Viewer {
  return { kind: 'actor', actor };
}

/** An announcement's own change (not a receipt): what pages and signs show or take down. */
const isAnnouncementShown = (event: FeedEvent) => event.entity.startsWith('announcement:') && event.type !== 'announcement-read' && event.type !== 'announcement-created';

const isTicketEvent = (event: FeedEvent) => event.entity.startsWith('ticket:') && event.type.startsWith('ticket-');

/** The event's state as this viewer may read it: a ticket's staff-only notes only for those who may write them. */
export function readableState(viewer: Viewer, event: FeedEvent): unknown {
  if (isAnnouncementShown(event) && !(viewer.kind === 'actor' && may(viewer.actor.role, 'manage-announcements'))) {
    const a = event.state as Announcement;
    return { ...publicAnnouncement(a), status: a.status, rooms: a.rooms };
  }
  if (viewer.kind !== 'actor' || !isTicketEvent(event)) return event.state;
  const state = event.state as Ticket;
  return Array.isArray(state?.notes) ? ticketFor(viewer.actor.role, state) : state;
}

/** Whether the viewer sees the room: its status in the snapshot and its status changes. */
export function seesRoom(viewer: Viewer, room: string): boolean {
  switch (viewer.kind) {
    case 'actor': return roomVisibleTo(viewer.actor, room);
    case 'room': return viewer.room === room;
    case 'track': return false;
  }
}

/**
 * Room status as `seesRoom` says, tickets by the same rule as `GET /api/tickets/{id}`; an
 * announcement going up or down by the rooms and roles it names (its words only);
 * the rest of the site's log (devices, categories, sessions) only to those who read the
 * audit trail or dispatch.
 */
export function sees(viewer: Viewer, event: FeedEvent): boolean {
  const state = event.state as { id?: string; room?: string };
  if (event.entity.startsWith('room:')) return seesRoom(viewer, state.id ?? state.room ?? '');
  if (isAnnouncementShown(event)) {
    const a = event.state as Announcement;
    if (viewer.kind === 'room') return a.rooms.includes(viewer.room);
    if (viewer.kind === 'actor') return may(viewer.actor.role, 'manage-announcements') || reaches(a, { role: viewer.actor.role, company: viewer.actor.company ?? null });
    return false;
  }
  if (event.entity.startsWith('announcement:') && viewer.kind === 'actor') return may(viewer.actor.role, 'manage-announcements');
  if (viewer.kind !== 'actor') return false;
  if (isTicketEvent(event)) return visibleTo(viewer.actor, event.state as Ticket);
  // A vendor's steps reach whoever follows work orders: the responsible person's dashboard among them.
  if (event.entity.startsWith('work-order:') && may(viewer.actor.role, 'read-work-orders')) return true;
  return may(viewer.actor.role, 'read-audit') || may(viewer.actor.role, 'assign');
}
