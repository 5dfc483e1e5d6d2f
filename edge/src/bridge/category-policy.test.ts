import { describe, expect, it } from 'vitest';
import { aTeam, cleaning, thrownBy } from '../test-support/domain-fixtures.ts';
import { withRejectionPolicy } from './category-policy.ts';

const teams = [aTeam('housekeeping'), aTeam('facility'), aTeam('security')];

describe('a category rejection policy set by head office', () => {
  it('replaces only the fields the change names', () => {
    const changed = withRejectionPolicy(cleaning(), { route: 'escalate', notify: ['facility'] }, teams);

    expect(changed.rejection).toEqual({ route: 'escalate', followUp: true, roomStatus: 'pending_recovery', notify: ['facility'] });
    expect(changed.id).toBe('cleaning');
  });

  it('refuses a policy value the rules do not know, naming the field', () => {
    const error = thrownBy(() => withRejectionPolicy(cleaning(), { route: 'shred' }, teams));

    expect(error).toMatchObject({ code: 'INVALID_POLICY', kind: 'invalid' });
    expect((error as Error).message).toContain('route');
  });

  it('refuses a field that is not part of a policy', () => {
    const error = thrownBy(() => withRejectionPolicy(cleaning(), { sendFlowers: true }, teams));

    expect(error).toMatchObject({ code: 'INVALID_POLICY' });
  });

  it('refuses notifying a team the site does not have', () => {
    const error = thrownBy(() => withRejectionPolicy(cleaning(), { notify: ['facility', 'catering'] }, teams));

    expect(error).toMatchObject({ code: 'UNKNOWN_TEAM', details: { teams: ['catering'] } });
  });
});
