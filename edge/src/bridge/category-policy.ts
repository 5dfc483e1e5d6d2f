import { type Category, RejectionPolicy, type Team } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';

/**
 * A category with a new rejection policy. The change may name only the fields it sets;
 * the result must still be a whole, valid policy whose notified teams exist.
 */
export function withRejectionPolicy(category: Category, change: Record<string, unknown>, teams: readonly Team[]): Category {
  const parsed = RejectionPolicy.safeParse({ ...category.rejection, ...change });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`);
    throw new Invalid('INVALID_POLICY', `the rejection policy is not valid: ${problems.join('; ')}`, { problems });
  }
  const known = new Set(teams.map((t) => t.id));
  const unknown = parsed.data.notify.filter((team) => !known.has(team));
  if (unknown.length > 0) throw new Invalid('UNKNOWN_TEAM', `there is no team ${unknown.join(', ')}`, { teams: unknown });
  return { ...category, rejection: parsed.data };
}
