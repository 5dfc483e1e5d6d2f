import type { Role, RoomId, TeamId, Username } from '../contracts/index.ts';

/** Whoever asks for a change: a signed-in user, a door panel, an occupant, a device or the gateway itself. */
export interface Actor {
  /** How the audit log names the actor: `user:ana`, `panel:r101`, `occupant`, `device:sign-r101`, `system`. */
  ref: string;
  user: Username | null;
  role: Role;
  teams: TeamId[];
  /** A door panel or device acts only for its own room. */
  room: RoomId | null;
}

export const systemActor: Actor = { ref: 'system', user: null, role: 'system', teams: [], room: null };
export const occupantActor: Actor = { ref: 'occupant', user: null, role: 'occupant', teams: [], room: null };
