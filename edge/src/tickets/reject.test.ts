import { describe, expect, it } from 'vitest';
import type { Category, Ticket } from '../contracts/index.ts';
import {
  T1, aContext, aTicket, actorFor, anAttachment, av, cleaning, maintenance, notificationsOf, roomOf, thrownBy, ticketOf, users,
} from '../test-support/domain-fixtures.ts';
import type { TicketCommand } from '../contracts/index.ts';
import type { TicketContext } from './context.ts';
import { decide } from './decide.ts';
import { IllegalTransition, UnknownPhoto, UnknownRejectionReason } from './errors.ts';
import { rejectionReason } from './reject.ts';

const doneIn: Record<'cleaning' | 'av' | 'maintenance', [Ticket, Category]> = {
  cleaning: [aTicket('done'), cleaning()],
  av: [aTicket('done', { category: 'av', team: 'av', assignee: 'carl' }), av()],
  maintenance: [aTicket('done', { category: 'maintenance', team: 'maintenance', assignee: 'vera' }), maintenance()],
};

function reject(which: keyof typeof doneIn, command: Partial<Extract<TicketCommand, { type: 'reject' }>> = {}, extra: Partial<TicketContext> = {}) {
  const [ticket, category] = doneIn[which];
  return decide(aContext({ ticket, category, actor: actorFor(users.sue), ...extra }), { type: 'reject', reason: 'Not clean', ...command });
}

describe('rejecting cleaning: returned to the cleaner', () => {
  it('sends the ticket back as rejected to the same assignee', () => {
    const decision = reject('cleaning');

    expect(ticketOf(decision, 'ticket-rejected')).toMatchObject({ status: 'rejected', assignee: 'ana', updatedAt: T1 });
    expect(ticketOf(decision).history).toEqual([{ at: T1, actor: 'user:sue', action: 'reject', status: 'rejected', assignee: 'ana', note: 'Not clean' }]);
  });

  it('opens an urgent follow-up task in the team pool for the same room', () => {
    const decision = reject('cleaning', { notes: 'Bin full' });

    expect(ticketOf(decision, 'ticket-opened')).toMatchObject({
      id: 'T-100', kind: 'task', priority: 'urgent', status: 'new', parent: 'T-1', room: 'r101',
      team: 'housekeeping', assignee: null, category: 'cleaning', createdAt: T1, dueAt: '2025-03-03T10:30:00.000Z',
      title: 'Follow-up: Not clean (Cleaning in Room 101)', description: 'Not clean. Bin full',
      reporter: { kind: 'user', id: 'user:sue', contact: null },
    });
  });

  it("gives the follow-up its description as a phrase: the reason, and the supervisor's note as typed", () => {
    const withNotes = ticketOf(reject('cleaning', { notes: 'Bin full — see photo' }), 'ticket-opened');
    const without = ticketOf(reject('cleaning'), 'ticket-opened');

    expect(withNotes.descriptionPhrase).toEqual({ code: 'ticket.rejectedWithNotes', params: { reason: 'Not clean', notes: 'Bin full — see photo' } });
    expect(withNotes.description).toBe('Not clean. Bin full — see photo');
    expect(without.descriptionPhrase).toEqual({ code: 'ticket.rejected', params: { reason: 'Not clean' } });
    expect(without.description).toBe('Not clean');
  });

  it('puts the room into pending recovery with the reason and the rejected ticket', () => {
    const decision = reject('cleaning');

    expect(roomOf(decision)).toEqual({ id: 'r101', name: 'Room 101', floor: 1, zone: 'east', status: 'pending_recovery', since: T1, reason: 'Not clean', ticket: 'T-1',
      reasonPhrase: { code: 'room.rejected', params: { reason: 'Not clean' } },
    });
  });

  it('notifies no team', () => {
    const decision = reject('cleaning');

    expect(notificationsOf(decision)).toEqual([]);
  });

  it('records the rejection with the original assignee and a pending response', () => {
    const decision = reject('cleaning', { notes: 'Bin full' });

    expect(ticketOf(decision).rejections).toEqual([{
      id: 'rej-1', at: T1, room: 'r101', by: 'user:sue', reason: 'Not clean', notes: 'Bin full', photos: [],
      originalAssignee: 'ana', response: 'pending', route: 'returned', escalatedTo: null,
      followUp: 'T-100', roomStatus: 'pending_recovery', notified: [],
    }]);
  });

  it('sums up what the rejection triggered', () => {
    const decision = reject('cleaning');

    expect(decision.triggered).toEqual({ route: 'returned', assignee: 'ana', followUp: 'T-100', roomStatus: 'pending_recovery', notified: [] });
  });
});

describe('rejecting AV: escalated, nothing else', () => {
  it('escalates the ticket to the team supervisor', () => {
    const decision = reject('av', { reason: 'No sound' });

    expect(ticketOf(decision)).toMatchObject({ status: 'escalated', assignee: 'vic' });
  });

  it('opens no follow-up, leaves the room and notifies nobody', () => {
    const decision = reject('av', { reason: 'No sound' });

    expect(decision.changes.map((c) => c.type)).toEqual(['ticket-rejected']);
  });

  it('records the rejection as escalated to the supervisor', () => {
    const decision = reject('av', { reason: 'No sound' });

    expect(ticketOf(decision).rejections[0]).toMatchObject({
      originalAssignee: 'carl', response: 'escalated', route: 'escalated', escalatedTo: 'vic', followUp: null, roomStatus: null, notified: [],
    });
    expect(decision.triggered).toEqual({ route: 'escalated', assignee: 'vic', followUp: null, roomStatus: null, notified: [] });
  });
});

describe('rejecting maintenance: escalated, room closed, teams told', () => {
  it('escalates to the supervisor and opens an urgent follow-up', () => {
    const decision = reject('maintenance', { reason: 'Unsafe' });

    expect(ticketOf(decision, 'ticket-rejected')).toMatchObject({ status: 'escalated', assignee: 'max' });
    expect(ticketOf(decision, 'ticket-opened')).toMatchObject({ kind: 'task', priority: 'urgent', parent: 'T-1', team: 'maintenance', assignee: null });
  });

  it('closes the room as Do-Not-Use behind the rejected ticket', () => {
    const decision = reject('maintenance', { reason: 'Unsafe' });

    expect(roomOf(decision)).toMatchObject({ status: 'do_not_use', reason: 'Unsafe', ticket: 'T-1', since: T1 });
  });

  it('notifies facility and security of the rejection', () => {
    const decision = reject('maintenance', { reason: 'Unsafe' });

    expect(notificationsOf(decision)).toEqual([
      { team: 'facility', at: T1, kind: 'rejection', ticket: 'T-1', room: 'r101', reason: 'Unsafe' },
      { team: 'security', at: T1, kind: 'rejection', ticket: 'T-1', room: 'r101', reason: 'Unsafe' },
    ]);
  });

  it('sums up what the rejection triggered', () => {
    const decision = reject('maintenance', { reason: 'Unsafe' });

    expect(decision.triggered).toEqual({ route: 'escalated', assignee: 'max', followUp: 'T-100', roomStatus: 'do_not_use', notified: ['facility', 'security'] });
  });
});

describe('rejection reasons and photos', () => {
  it('matches a listed reason regardless of case and records it as listed', () => {
    const decision = reject('cleaning', { reason: '  not CLEAN ' });

    expect(ticketOf(decision).rejections[0]?.reason).toBe('Not clean');
  });

  it('refuses a reason that is not listed, naming the allowed ones', () => {
    const error = thrownBy(() => reject('cleaning', { reason: 'Smells odd' }));

    expect(error).toBeInstanceOf(UnknownRejectionReason);
    expect(error).toMatchObject({ code: 'UNKNOWN_REJECTION_REASON', details: { allowed: ['Not clean', 'Supplies missing'] } });
  });

  it('takes free text, trimmed, when the category allows it', () => {
    const ctx = aContext({ category: av({ allowFreeTextReason: true }) });

    const reason = rejectionReason(ctx, '  Cable missing ');

    expect(reason).toBe('Cable missing');
  });

  it('refuses a blank free-text reason even where free text is allowed', () => {
    const ctx = aContext({ category: av({ allowFreeTextReason: true }) });

    const act = () => rejectionReason(ctx, '   ');

    expect(act).toThrow(UnknownRejectionReason);
  });

  it('records photos attached to the ticket', () => {
    const decision = reject('cleaning', { photos: ['p1'] }, { ticket: aTicket('done', { attachments: [anAttachment('p1')] }) });

    expect(ticketOf(decision).rejections[0]?.photos).toEqual(['p1']);
  });

  it('refuses a photo that is not attached to the ticket', () => {
    const error = thrownBy(() => reject('cleaning', { photos: ['p9'] }));

    expect(error).toBeInstanceOf(UnknownPhoto);
    expect(error).toMatchObject({ code: 'UNKNOWN_PHOTO', details: { photo: 'p9' } });
  });

  it('rejects only a finished ticket', () => {
    const error = thrownBy(() => reject('cleaning', {}, { ticket: aTicket('in_progress') }));

    expect(error).toBeInstanceOf(IllegalTransition);
    expect((error as IllegalTransition).details).toEqual({ status: 'in_progress', allowed: ['transfer', 'complete', 'escalate', 'cancel', 'comment'] });
  });
});

describe("the assignee's response to a returned rejection", () => {
  const rejected = ticketOf(reject('cleaning'));
  const act = (ticket: Ticket, command: TicketCommand, actor = users.ana, extra: Partial<TicketContext> = {}) =>
    ticketOf(decide(aContext({ ticket, actor: actorFor(actor), ...extra }), command));

  it('turns to reworking when the assignee starts again', () => {
    const started = act(rejected, { type: 'start' });

    expect(started.rejections.map((r) => r.response)).toEqual(['reworking']);
  });

  it('turns to redone when the assignee completes the rework', () => {
    const started = act(rejected, { type: 'start' });

    const completed = act(started, { type: 'complete' });

    expect(completed.rejections[0]?.response).toBe('redone');
  });

  it('turns to reassigned when the job goes to someone else', () => {
    const reassigned = act(rejected, { type: 'assign', assignee: 'ben' }, users.sue, { target: users.ben });

    expect(reassigned.rejections[0]?.response).toBe('reassigned');
  });

  it('stays pending when the job is assigned again to the same person', () => {
    const same = act(rejected, { type: 'assign', assignee: 'ana' }, users.sue, { target: users.ana });

    expect(same.rejections[0]?.response).toBe('pending');
  });

  it('adds a second rejection after the first without changing it', () => {
    const redone = act(act(rejected, { type: 'start' }), { type: 'complete' });

    const again = ticketOf(reject('cleaning', { reason: 'Supplies missing' }, { ticket: redone, rejectionId: 'rej-2' }));

    expect(again.rejections.map((r) => [r.id, r.reason, r.response])).toEqual([['rej-1', 'Not clean', 'redone'], ['rej-2', 'Supplies missing', 'pending']]);
  });
});
