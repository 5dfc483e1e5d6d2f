import { describe, expect, it } from 'vitest';
import type { Rejection } from '../contracts/index.ts';
import { T1, aRoom, aTicket, cleaning } from '../test-support/domain-fixtures.ts';
import { trackView } from './track-view.ts';

const rejection = (by: string): Rejection => ({
  id: 'rej-1', at: T1, room: 'r101', by, reason: 'Not clean', notes: 'Bin in the corner', photos: ['A-secret001'], originalAssignee: 'ana',
  response: 'pending', route: 'returned', escalatedTo: null, followUp: 'T-9', roomStatus: 'pending_recovery', notified: [],
});
const step = (action: string, status: 'rejected' | 'escalated') => ({ at: T1, actor: 'user:sue', action, status, assignee: 'sue' });

describe("a tracking link's view", () => {
  it('reads an escalation right after a rejection as rejected, and any other escalation as someone having it', () => {
    const afterRejection = trackView(aTicket('escalated', { history: [step('reject', 'escalated')] }), aRoom(), cleaning(), null);
    const plain = trackView(aTicket('escalated', { history: [step('escalate', 'escalated')] }), aRoom(), cleaning(), null);

    expect([afterRejection.phase, plain.phase]).toEqual(['rejected', 'assigned']);
  });

  it('gives the latest rejection reason and whether it was the occupant, never its notes, photos or people', () => {
    const view = trackView(aTicket('rejected', { rejections: [rejection('occupant')] }), aRoom(), cleaning(), null);

    expect(view.rejection).toEqual({ at: T1, reason: 'Not clean', byOccupant: true });
    expect(JSON.stringify(view)).not.toMatch(/Bin in the corner|A-secret001|ana|sue|T-9/);
  });

  it('offers rating and "not resolved" on a done job only where they apply', () => {
    const open = trackView(aTicket('done'), aRoom(), cleaning({ occupantsMayDispute: true, allowFreeTextReason: true }), null);
    const rated = trackView(aTicket('done'), aRoom(), cleaning(), { score: 5, comment: null });

    expect(open).toMatchObject({ mayRate: true, mayDispute: true, disputeReasons: ['Not clean', 'Supplies missing'], disputeFreeText: true });
    expect(rated).toMatchObject({ mayRate: false, mayDispute: false, disputeReasons: [], disputeFreeText: false });
  });
});
