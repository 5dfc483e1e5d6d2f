import type { Room, TeamNotification, Ticket } from '../contracts/index.ts';

/** One entity's new state, and the name of what happened to it; the store writes and logs each. */
export type Change =
  | { entity: 'ticket'; type: string; state: Ticket }
  | { entity: 'room'; type: 'room-status-changed'; state: Room }
  | { entity: 'team'; type: 'team-notified'; state: TeamNotification };

export function entityKey(change: Change): string {
  switch (change.entity) {
    case 'ticket': return `ticket:${change.state.id}`;
    case 'room': return `room:${change.state.id}`;
    case 'team': return `team:${change.state.team}`;
  }
}
