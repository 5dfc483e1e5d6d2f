import { may } from '../rights/rights.ts';
import type { Actor } from '../tickets/actor.ts';

/** Who is watching a live feed, and so which events reach them. */
export type Viewer =
  | { kind: 'site' }
  | { kind: 'teams'; teams: string[]; user: string | null }
  | { kind: 'room'; room: string; tickets: boolean };

export interface FeedEvent { type: string; entity: string; state: unknown }

export function viewerFor(actor: Actor): Viewer {
  if (actor.room !== null) return { kind: 'room', room: actor.room, tickets: true };
  if (actor.role === 'staff' || actor.role === 'vendor') return { kind: 'teams', teams: actor.teams, user: actor.user };
  return may(actor.role, 'read-audit') || may(actor.role, 'assign') ? { kind: 'site' } : { kind: 'teams', teams: actor.teams, user: actor.user };
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
    case 'teams':
      return isRoom || (isTicket && ((state.team !== undefined && viewer.teams.includes(state.team)) || (viewer.user !== null && state.assignee === viewer.user)));
  }
}
