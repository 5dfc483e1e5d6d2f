import { describe, expect, it } from 'vitest';
import { Forbidden, Invalid } from '../domain-error.ts';
import type { Ticket, User } from '../contracts/index.ts';
import {
  T1, aContext, aRoom, aTeam, aTicket, aUser, actorFor, av, maintenance, panelActor, roomOf, thrownBy, ticketOf, users,
} from '../test-support/domain-fixtures.ts';
import type { Actor } from '../rights/actor.ts';
import type { TicketCommand } from '../contracts/index.ts';
import type { TicketContext } from './context.ts';
import { decide } from './decide.ts';
import { AlreadyAssigned, AssigneeNotEligible, NotAssignee } from './errors.ts';

const by = (user: User): Actor => actorFor(user);
const run = (ticket: Ticket, actor: Actor, command: TicketCommand, extra: Partial<TicketContext> = {}) =>
  decide(aContext({ ticket, actor, ...extra }), command);

describe('decide: the main path', () => {
  it('walks a ticket from new to verified and records every step in its history', () => {
    let ctx = aContext({ ticket: aTicket('new'), room: aRoom({ status: 'service_due', ticket: 'T-1' }) });
    const steps: Array<[Actor, TicketCommand, Partial<TicketContext>]> = [
      [by(users.sue), { type: 'assign', assignee: 'ana' }, { target: users.ana }],
      [by(users.ana), { type: 'start' }, {}],
      [by(users.ana), { type: 'complete', note: 'all clean' }, {}],
      [by(users.sue), { type: 'approve' }, {}],
    ];

    for (const [actor, command, extra] of steps) {
      const decision = decide({ ...ctx, actor, ...extra }, command);
      ctx = { ...ctx, ticket: ticketOf(decision), room: roomOf(decision) ?? ctx.room };
    }

    expect(ctx.ticket.status).toBe('verified');
    expect(ctx.ticket.history).toEqual([
      { at: T1, actor: 'user:sue', action: 'assign', status: 'assigned', assignee: 'ana' },
      { at: T1, actor: 'user:ana', action: 'start', status: 'in_progress', assignee: 'ana' },
      { at: T1, actor: 'user:ana', action: 'complete', status: 'done', assignee: 'ana', note: 'all clean' },
      { at: T1, actor: 'user:sue', action: 'approve', status: 'verified', assignee: 'ana' },
    ]);
    expect(ctx.room).toMatchObject({ status: 'available', ticket: null, reason: 'T-1 verified' });
  });

  it('names each change after what happened to the ticket', () => {
    const decision = run(aTicket('assigned'), by(users.ana), { type: 'start' });

    expect(decision.changes.map((c) => c.type)).toEqual(['ticket-started', 'room-status-changed']);
    expect(decision.triggered).toBeNull();
  });
});

describe('decide: claim, start and complete', () => {
  it('lets staff claim a new ticket of their own team', () => {
    const decision = run(aTicket('new'), by(users.ben), { type: 'claim' });

    expect(decision.changes[0]?.type).toBe('ticket-claimed');
    expect(ticketOf(decision)).toMatchObject({ status: 'assigned', assignee: 'ben' });
  });

  it('refuses a claim by staff of another team', () => {
    const error = thrownBy(() => run(aTicket('new'), by(users.carl), { type: 'claim' }));

    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ code: 'NOT_YOUR_TEAM', details: { team: 'housekeeping' } });
  });

  it('refuses a claim of a ticket that went to someone else', () => {
    const escalated = aTicket('escalated', { assignee: 'sue' });

    const error = thrownBy(() => run(escalated, by(users.ana), { type: 'claim' }));

    expect(error).toBeInstanceOf(AlreadyAssigned);
    expect(error).toMatchObject({ details: { assignee: 'sue' } });
  });

  it('refuses a start by anyone but the assignee', () => {
    const error = thrownBy(() => run(aTicket('assigned'), by(users.ben), { type: 'start' }));

    expect(error).toBeInstanceOf(NotAssignee);
    expect(error).toMatchObject({ code: 'NOT_ASSIGNEE', details: { assignee: 'ana' } });
  });

  it('refuses a start even by a supervisor who is not the assignee', () => {
    const start = () => run(aTicket('assigned'), by(users.sue), { type: 'start' });

    expect(start).toThrow(NotAssignee);
  });

  it('refuses a completion by anyone but the assignee', () => {
    const complete = () => run(aTicket('in_progress'), by(users.ben), { type: 'complete' });

    expect(complete).toThrow(NotAssignee);
  });
});

describe('decide: who may act', () => {
  it.each(['approve', 'reject'] as const)('does not let staff %s', (type) => {
    const command: TicketCommand = type === 'approve' ? { type } : { type, reason: 'Not clean' };

    const error = thrownBy(() => run(aTicket('done'), by(users.ben), command));

    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { role: 'staff', right: type } });
  });

  it('lets a door panel approve a ticket of its own room', () => {
    const decision = run(aTicket('done'), panelActor('r101'), { type: 'approve' });

    expect(ticketOf(decision).history[0]).toMatchObject({ actor: 'panel:r101', status: 'verified' });
  });

  it('refuses a door panel acting on another room', () => {
    const error = thrownBy(() => run(aTicket('done'), panelActor('r202'), { type: 'approve' }));

    expect(error).toMatchObject({ code: 'WRONG_ROOM', details: { room: 'r202' } });
  });

  it('lets a vendor start a work order given to them', () => {
    const order = aTicket('assigned', { kind: 'work_order', assignee: 'vera' });

    const decision = run(order, by(users.vera), { type: 'start' });

    expect(ticketOf(decision)).toMatchObject({ status: 'in_progress', assignee: 'vera' });
  });

  it('refuses a vendor acting on a work order given to someone else', () => {
    const error = thrownBy(() => run(aTicket('assigned', { kind: 'work_order' }), by(users.vera), { type: 'comment', text: 'hi', internal: false }));

    expect(error).toMatchObject({ code: 'NOT_YOUR_WORK_ORDER' });
  });

  it('needs the internal-comment right for an internal note', () => {
    const error = thrownBy(() => run(aTicket('assigned', { assignee: 'vera' }), by(users.vera), { type: 'comment', text: 'x', internal: true }));

    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { right: 'comment-internal' } });
  });

  it('adds a public comment as a note, even on a closed ticket', () => {
    const decision = run(aTicket('verified'), by(users.ana), { type: 'comment', text: 'thanks', internal: false });

    expect(ticketOf(decision, 'ticket-commented')).toMatchObject({
      status: 'verified', updatedAt: T1, notes: [{ at: T1, by: 'user:ana', text: 'thanks', internal: false }],
    });
  });

  it('adds an internal note for staff', () => {
    const decision = run(aTicket('new'), by(users.ana), { type: 'comment', text: 'keys at desk', internal: true });

    expect(ticketOf(decision).notes).toEqual([{ at: T1, by: 'user:ana', text: 'keys at desk', internal: true }]);
  });
});

describe('decide: assign, transfer, escalate and cancel', () => {
  it('assigns to an eligible user with the note in the history', () => {
    const decision = run(aTicket('new'), by(users.rita), { type: 'assign', assignee: 'ben', note: 'asap' }, { target: users.ben });

    expect(decision.changes[0]?.type).toBe('ticket-assigned');
    expect(ticketOf(decision).history).toEqual([{ at: T1, actor: 'user:rita', action: 'assign', status: 'assigned', assignee: 'ben', note: 'asap' }]);
  });

  it('refuses to assign staff of another team', () => {
    const error = thrownBy(() => run(aTicket('new'), by(users.sue), { type: 'assign', assignee: 'carl' }, { target: users.carl }));

    expect(error).toBeInstanceOf(AssigneeNotEligible);
    expect(error).toMatchObject({ code: 'ASSIGNEE_NOT_ELIGIBLE', details: { user: 'carl' } });
  });

  it('refuses to assign a disabled user', () => {
    const gone = aUser('gus', 'staff', ['housekeeping'], false);

    const error = thrownBy(() => run(aTicket('new'), by(users.sue), { type: 'assign', assignee: 'gus' }, { target: gone }));

    expect((error as AssigneeNotEligible).message).toBe('gus cannot take this ticket: the account is disabled');
  });

  it('refuses to assign a user the store did not load as the target', () => {
    const error = thrownBy(() => run(aTicket('new'), by(users.sue), { type: 'assign', assignee: 'ben' }, { target: users.ana }));

    expect(error).toBeInstanceOf(Invalid);
    expect(error).toMatchObject({ code: 'UNKNOWN_USER' });
  });

  it('lets the assignee transfer work in progress to a teammate', () => {
    const decision = run(aTicket('in_progress'), by(users.ana), { type: 'transfer', to: 'ben' }, { target: users.ben });

    expect(decision.changes[0]?.type).toBe('ticket-transferred');
    expect(ticketOf(decision)).toMatchObject({ status: 'assigned', assignee: 'ben' });
  });

  it('refuses a transfer by staff who do not hold the ticket', () => {
    const transfer = () => run(aTicket('assigned'), by(users.ben), { type: 'transfer', to: 'ben' }, { target: users.ben });

    expect(transfer).toThrow(NotAssignee);
  });

  it('escalates to the supervisor of the ticket team', () => {
    const decision = run(aTicket('in_progress'), by(users.fred), { type: 'escalate', reason: 'overdue' });

    expect(ticketOf(decision, 'ticket-escalated')).toMatchObject({ status: 'escalated', assignee: 'sue' });
    expect(decision.triggered).toEqual({ route: 'escalated', assignee: 'sue', followUp: null, roomStatus: null, notified: [] });
  });

  it('escalates to nobody when the team has no supervisor', () => {
    const decision = run(aTicket('assigned'), by(users.fred), { type: 'escalate', reason: 'overdue' }, { team: aTeam('housekeeping', null) });

    expect(ticketOf(decision).assignee).toBeNull();
  });

  it('cancels with the reason in the history and frees the room it held', () => {
    const room = aRoom({ status: 'service_due', ticket: 'T-1' });

    const decision = run(aTicket('assigned'), by(users.sue), { type: 'cancel', reason: 'duplicate' }, { room });

    expect(ticketOf(decision, 'ticket-cancelled').history.at(-1)).toMatchObject({ action: 'cancel', status: 'cancelled', note: 'duplicate' });
    expect(roomOf(decision)).toMatchObject({ status: 'available', reason: 'T-1 cancelled', ticket: null, since: T1 });
  });
});

describe('decide: the room', () => {
  it('keeps the room from use after approval while another ticket holds it', () => {
    const other = aTicket('new', { id: 'T-7', title: 'Stain' });

    const decision = run(aTicket('done'), by(users.sue), { type: 'approve' }, { room: aRoom({ status: 'in_service', ticket: 'T-1' }), othersHolding: [other] });

    expect(roomOf(decision)).toMatchObject({ status: 'service_due', ticket: 'T-7', reason: 'Stain' });
  });

  it('leaves the room alone on approval when another ticket is behind its status', () => {
    const decision = run(aTicket('done'), by(users.sue), { type: 'approve' }, { room: aRoom({ status: 'service_due', ticket: 'T-7' }) });

    expect(roomOf(decision)).toBeNull();
  });

  it('puts the room in service when work starts', () => {
    const decision = run(aTicket('assigned'), by(users.ana), { type: 'start' }, { room: aRoom({ status: 'service_due', ticket: 'T-1' }) });

    expect(roomOf(decision)).toMatchObject({ status: 'in_service', ticket: 'T-1', reason: 'Cleaning in Room 101', since: T1 });
  });

  it('keeps a Do-Not-Use room closed when work starts', () => {
    const room = aRoom({ status: 'do_not_use', ticket: 'T-1' });

    const decision = run(aTicket('assigned'), by(users.ana), { type: 'start' }, { room, category: maintenance() });

    expect(decision.changes.map((c) => c.entity)).toEqual(['ticket']);
  });

  it('does not touch the room when work starts on a category that does not hold it', () => {
    const decision = run(aTicket('assigned', { assignee: 'carl', team: 'av' }), by(users.carl), { type: 'start' }, { category: av() });

    expect(roomOf(decision)).toBeNull();
  });
});
