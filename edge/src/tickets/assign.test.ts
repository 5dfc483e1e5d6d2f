import { describe, expect, it } from 'vitest';
import type { Ticket, User } from '../contracts/index.ts';
import { T1, aContext, aTeam, aTicket, actorFor, thrownBy, ticketOf, users } from '../test-support/domain-fixtures.ts';
import type { TicketCommand } from '../contracts/index.ts';
import type { TicketContext } from './context.ts';
import { decide } from './decide.ts';

const dispatch = (ticket: Ticket, command: TicketCommand, extra: Partial<TicketContext> = {}, by: User = users.sue) =>
  decide(aContext({ ticket, actor: actorFor(by), ...extra }), command);

describe('assign: to a person, to a team, or both', () => {
  it('puts a ticket into another team\'s queue with nobody holding it', () => {
    const decision = dispatch(aTicket('assigned'), { type: 'assign', team: 'av' }, { targetTeam: aTeam('av') });

    expect(decision.changes[0]?.type).toBe('ticket-assigned');
    expect(ticketOf(decision)).toMatchObject({ team: 'av', assignee: null, status: 'new' });
    expect(ticketOf(decision).history.at(-1)).toEqual({ at: T1, actor: 'user:sue', action: 'assign', status: 'new', assignee: null });
  });

  it('moves a ticket to a team and gives it to a member of that team at once', () => {
    const decision = dispatch(aTicket('new'), { type: 'assign', team: 'av', assignee: 'carl' }, { targetTeam: aTeam('av'), target: users.carl });

    expect(ticketOf(decision)).toMatchObject({ team: 'av', assignee: 'carl', status: 'assigned' });
  });

  it('checks the person against the team the ticket moves to, not the one it leaves', () => {
    const error = thrownBy(() => dispatch(aTicket('new'), { type: 'assign', team: 'av', assignee: 'ana' }, { targetTeam: aTeam('av'), target: users.ana }));

    expect(error).toMatchObject({ code: 'ASSIGNEE_NOT_ELIGIBLE' });
  });

  it('refuses a team the store does not know', () => {
    const error = thrownBy(() => dispatch(aTicket('new'), { type: 'assign', team: 'plumbing' }, { targetTeam: null }));

    expect(error).toMatchObject({ code: 'UNKNOWN_TEAM', kind: 'invalid' });
  });

  it('refuses an assign that names nobody', () => {
    const error = thrownBy(() => dispatch(aTicket('new'), { type: 'assign' }));

    expect(error).toMatchObject({ code: 'NOBODY_NAMED', kind: 'invalid' });
  });

  it('marks a rejection\'s rework as reassigned when the job goes to another team\'s queue', () => {
    const rejected = aTicket('rejected', {
      rejections: [{
        id: 'R-1', at: T1, room: 'r101', by: 'panel:r101', reason: 'Not clean', notes: null, photos: [], originalAssignee: 'ana',
        response: 'pending', route: 'returned', escalatedTo: null, followUp: null, roomStatus: null, notified: [],
      }],
    });

    const decision = dispatch(rejected, { type: 'assign', team: 'av' }, { targetTeam: aTeam('av') });

    expect(ticketOf(decision).rejections[0]?.response).toBe('reassigned');
  });

  it('keeps team dispatch to those who may assign', () => {
    const error = thrownBy(() => dispatch(aTicket('new'), { type: 'assign', team: 'av' }, { targetTeam: aTeam('av') }, users.ana));

    expect(error).toMatchObject({ code: 'NOT_PERMITTED' });
  });
});
