import { describe, expect, it } from 'vitest';
import { T1, aTicket, actorFor, thrownBy, users } from '../test-support/domain-fixtures.ts';
import { NotAssignee } from './errors.ts';
import { AlreadyWithTeam, decideRelease } from './release.ts';
import { IllegalTransition } from './errors.ts';

describe('handing a ticket back to its team', () => {
  it('leaves the ticket new and unassigned, with the step and its note in the history', () => {
    const ticket = aTicket('assigned');

    const change = decideRelease(ticket, actorFor(users.ana), T1, 'Need a second pair of hands');

    expect(change.type).toBe('ticket-released');
    expect(change.state).toMatchObject({ status: 'new', assignee: null, updatedAt: T1 });
    expect(change.state.history.at(-1)).toEqual({
      at: T1, actor: 'user:ana', action: 'release', status: 'new', assignee: null, note: 'Need a second pair of hands',
    });
  });

  it('marks a returned rejection as reassigned, so the report shows the work moved on', () => {
    const rejection = {
      id: 'R-1-1', at: T1, room: 'r101', by: 'user:sue', reason: 'Not clean', notes: null, photos: [], originalAssignee: 'ana',
      response: 'pending' as const, route: 'returned' as const, escalatedTo: null, followUp: null, roomStatus: null, notified: [],
    };
    const ticket = aTicket('rejected', { rejections: [rejection] });

    const change = decideRelease(ticket, actorFor(users.ana), T1);

    expect(change.state.rejections[0]?.response).toBe('reassigned');
  });

  it('refuses staff handing back someone else\'s ticket', () => {
    const error = thrownBy(() => decideRelease(aTicket('assigned'), actorFor(users.ben), T1));

    expect(error).toBeInstanceOf(NotAssignee);
  });

  it('lets a supervisor hand back any ticket of the team', () => {
    const change = decideRelease(aTicket('in_progress'), actorFor(users.sue), T1);

    expect(change.state).toMatchObject({ status: 'new', assignee: null });
  });

  it('refuses a ticket that is already in the pool, and one that is finished', () => {
    expect(thrownBy(() => decideRelease(aTicket('escalated', { assignee: null }), actorFor(users.sue), T1))).toBeInstanceOf(AlreadyWithTeam);
    expect(thrownBy(() => decideRelease(aTicket('done'), actorFor(users.ana), T1))).toBeInstanceOf(IllegalTransition);
  });
});
