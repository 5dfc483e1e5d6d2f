import type { TeamId, User } from '../contracts/index.ts';
import { AssigneeNotEligible } from './errors.ts';

const workers = new Set(['staff', 'vendor', 'supervisor', 'facility_head', 'admin']);

/** Whether a user can be given a ticket of a team. Staff only take their own team's work. */
export function assertEligible(user: User, team: TeamId): void {
  if (!user.active) throw new AssigneeNotEligible(user.id, 'the account is disabled');
  if (!workers.has(user.role)) throw new AssigneeNotEligible(user.id, `a ${user.role} does not work tickets`);
  if (user.role === 'staff' && !user.teams.includes(team)) {
    throw new AssigneeNotEligible(user.id, `not a member of team ${team}`);
  }
}
