import type { TeamId, User } from '../contracts/index.ts';
import { holdRefusal } from '../rights/refusal.ts';

/** Whether a user can be given a ticket of a team, as the rights table says. */
export function assertEligible(user: User, team: TeamId): void {
  const refused = holdRefusal(user, team);
  if (refused) throw refused;
}
