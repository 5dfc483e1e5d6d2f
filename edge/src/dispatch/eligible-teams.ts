export { teamsToHold as eligibleTeams } from '../rights/refusal.ts';
