import type { Team, TeamId, User } from '../contracts/index.ts';
import { assertEligible } from '../tickets/eligibility.ts';

/** The teams whose tickets a user may be given, by the same rule an assign is checked with. */
export function eligibleTeams(user: User, teams: readonly Team[]): TeamId[] {
  return teams.filter((team) => {
    try {
      assertEligible(user, team.id);
      return true;
    } catch {
      return false;
    }
  }).map((team) => team.id);
}
