import { type Category, RejectionPolicy, SelfVerification, type Team } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';

/**
 * A category with a new verification policy: what a rejection does, and whether who did a
 * job may approve or reject it (`selfVerification`). The change may name only the fields it
 * sets; the result must still be a whole, valid policy whose notified teams exist.
 */
export function withRejectionPolicy(category: Category, change: Record<string, unknown>, teams: readonly Team[]): Category {
  const { selfVerification, ...rejection } = change;
  const parsed = RejectionPolicy.safeParse({ ...category.rejection, ...rejection });
  const self = selfVerification === undefined ? null : SelfVerification.safeParse(selfVerification);
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`)),
    ...(self && !self.success ? self.error.issues.map((i) => `selfVerification: ${i.message}`) : []),
  ];
  if (!parsed.success || (self && !self.success)) {
    throw new Invalid('INVALID_POLICY', `the policy is not valid: ${issues.join('; ')}`, { problems: issues });
  }
  const known = new Set(teams.map((t) => t.id));
  const unknown = parsed.data.notify.filter((team) => !known.has(team));
  if (unknown.length > 0) throw new Invalid('UNKNOWN_TEAM', `there is no team ${unknown.join(', ')}`, { teams: unknown });
  return { ...category, rejection: parsed.data, ...(self?.data ? { selfVerification: self.data } : {}) };
}
