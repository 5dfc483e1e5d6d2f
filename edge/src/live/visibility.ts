import { may } from '../rights/rights.ts';
import { readsInternalNotes, withoutInternalNotes } from '../tickets/internal-notes.ts';
import type { Actor } from '../rights/actor.ts';

/** Who is watching a live feed, and so which events reach them. */
export type Viewer =
  | { kind: 'site' }
  | { kind: 'teams'; teams: string[]; user: string | null; internalNotes: boolean }
  | { kind: 'room'; room: string; tickets: boolean }
  /** A tracking link: it gets its ticket's public view (tickets/track-feed.ts), never raw events. */
  | { kind: 'track'; ticket: string; token: string };

export interface FeedEvent { type: string; entity: string; state: unknown }

export function viewerFor(actor: Actor): Viewer {
  if (actor.room !== null) return { kind: 'room', room: actor.room, tickets: true };
  const teams: Viewer = { kind: 'teams', teams: actor.teams, user: actor.user, internalNotes: readsInternalNotes(actor.role) };
  // Those who read the audit trail or dispatch see the whole site; the others their teams' and their own work.
  return may(actor.role, 'read-audit') || may(actor.role, 'assign') ? { kind: 'site' } : teams;
}

/** The event's state as this viewer may read it: a ticket's staff-only notes only for those who may write them. */
export function readableState(viewer: Viewer, event: FeedEvent): unknown {
  const state = event.state as { notes?: Array<{ internal?: boolean }> } | null;
  if (viewer.kind !== 'teams' || viewer.internalNotes || !event.entity.startsWith('ticket:') || !Array.isArray(state?.notes)) return event.state;
  return withoutInternalNotes({ ...state, notes: state.notes });
}

/**
 * A sign or an occupant sees its room's status; a panel also that room's tickets;
 * staff see room status and their teams' (or their own) tickets; managers see all.
 */
export function sees(viewer: Viewer, event: FeedEvent): boolean {
  const state = event.state as { room?: string; team?: string; assignee?: string | null; id?: string };
  const isRoom = event.entity.startsWith('room:');
  const isTicket = event.entity.startsWith('ticket:') && event.type.startsWith('ticket-');
  switch (viewer.kind) {
    case 'site':
      return true;
    case 'room':
      return (isRoom && state.id === viewer.room) || (viewer.tickets && isTicket && state.room === viewer.room);
    case 'track':
      return false;
    case 'teams':
      return isRoom || (isTicket && ((state.team !== undefined && viewer.teams.includes(state.team)) || (viewer.user !== null && state.assignee === viewer.user)));
  }
}
