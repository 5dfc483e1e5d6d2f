import { describe, expect, it } from 'vitest';
import {
  T1, aContext, aTicket, anAttachment, cleaning, maintenance, notificationsOf, roomOf, thrownBy, ticketOf,
} from '../test-support/domain-fixtures.ts';
import { occupantActor } from '../rights/actor.ts';
import { decideDispute, DisputeNotAllowed, NotDisputableNow } from './dispute.ts';
import { decide } from './decide.ts';

const asOccupant = (overrides: Parameters<typeof aContext>[0] = {}) => aContext({ actor: occupantActor, ...overrides });
const disputable = cleaning({ occupantsMayDispute: true, allowFreeTextReason: true });

describe('an occupant saying a finished job is not resolved', () => {
  it('rejects it under the category policy, exactly as a supervisor rejecting it would', () => {
    const byOccupant = decideDispute(asOccupant({ ticket: aTicket('done'), category: disputable }), { reason: 'Not clean', attachments: [] });
    const bySupervisor = decide(aContext({ ticket: aTicket('done'), category: disputable }), { type: 'reject', reason: 'Not clean' });

    const withoutWho = (d: typeof byOccupant) => JSON.stringify(d).replaceAll('user:sue', 'occupant');
    expect(withoutWho(byOccupant)).toBe(withoutWho(bySupervisor));
    expect(ticketOf(byOccupant, 'ticket-rejected').rejections[0]).toMatchObject({ by: 'occupant', route: 'returned', roomStatus: 'pending_recovery' });
  });

  it('closes the room and tells the teams for a maintenance job', () => {
    const ctx = asOccupant({ ticket: aTicket('done', { category: 'maintenance', team: 'maintenance', assignee: 'vera' }), category: maintenance({ occupantsMayDispute: true, allowFreeTextReason: true }) });

    const decision = decideDispute(ctx, { reason: 'Still dripping', attachments: [] });

    expect(ticketOf(decision, 'ticket-rejected')).toMatchObject({ status: 'escalated', assignee: 'max' });
    expect(roomOf(decision)).toMatchObject({ status: 'do_not_use', reason: 'Still dripping', since: T1 });
    expect(notificationsOf(decision).map((n) => n.team)).toEqual(['facility', 'security']);
  });

  it('adds the occupant photo to the ticket and names it in the rejection', () => {
    const photo = { ...anAttachment('A-photo0001'), by: 'occupant' };

    const decision = decideDispute(asOccupant({ ticket: aTicket('done'), category: disputable }), { reason: 'Not clean', attachments: [photo] });

    const rejected = ticketOf(decision, 'ticket-rejected');
    expect(rejected.attachments).toEqual([photo]);
    expect(rejected.rejections[0]!.photos).toEqual(['A-photo0001']);
  });

  it('is refused where the category leaves the judgement to staff, even when nothing is said about it', () => {
    const errors = [cleaning({ occupantsMayDispute: false }), cleaning()].map((category) =>
      thrownBy(() => decideDispute(asOccupant({ ticket: aTicket('done'), category }), { reason: 'Not clean', attachments: [] })));

    expect(errors.map((e) => e instanceof DisputeNotAllowed)).toEqual([true, true]);
  });

  it('is refused before the job is done and after it was checked', () => {
    const errors = (['in_progress', 'verified'] as const).map((status) =>
      thrownBy(() => decideDispute(asOccupant({ ticket: aTicket(status), category: disputable }), { reason: 'Not clean', attachments: [] })));

    expect(errors.map((e) => (e as NotDisputableNow).code)).toEqual(['NOT_DISPUTABLE_NOW', 'NOT_DISPUTABLE_NOW']);
  });

  it('is refused to anyone without the dispute right', () => {
    const error = thrownBy(() => decideDispute(aContext({ ticket: aTicket('done'), category: disputable }), { reason: 'Not clean', attachments: [] }));

    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { role: 'supervisor', right: 'dispute' } });
  });
});
