import { describe, expect, it } from 'vitest';
import { T0, T1, aRoom, aTicket } from '../test-support/domain-fixtures.ts';
import { roomOnClose, roomOnOpen, roomOnRejection, roomOnStart, roomSetByHand } from './room-status.ts';

const ticket = aTicket('assigned', { id: 'T-1', title: 'Wipe tables' });
const verified = aTicket('verified', { id: 'T-1', title: 'Wipe tables' });

describe('roomOnOpen', () => {
  it('marks an available room service-due behind the new ticket', () => {
    const room = roomOnOpen(aRoom(), ticket, true, T1);

    expect(room).toEqual({ ...aRoom(), status: 'service_due', reason: 'Wipe tables', ticket: 'T-1', since: T1 });
  });

  it('leaves the room alone for a ticket that does not hold it', () => {
    const room = roomOnOpen(aRoom(), ticket, false, T1);

    expect(room).toBeNull();
  });

  it('leaves a room that is already out of use alone', () => {
    const room = roomOnOpen(aRoom({ status: 'in_service', ticket: 'T-9' }), ticket, true, T1);

    expect(room).toBeNull();
  });
});

describe('roomOnStart', () => {
  it.each(['available', 'service_due', 'pending_recovery'] as const)('puts a %s room in service behind the started ticket', (status) => {
    const room = roomOnStart(aRoom({ status, ticket: 'T-9' }), ticket, true, T1);

    expect(room).toMatchObject({ status: 'in_service', reason: 'Wipe tables', ticket: 'T-1', since: T1 });
  });

  it('keeps a Do-Not-Use room closed', () => {
    const room = roomOnStart(aRoom({ status: 'do_not_use', ticket: 'T-1' }), ticket, true, T1);

    expect(room).toBeNull();
  });

  it('leaves a room already in service alone', () => {
    const room = roomOnStart(aRoom({ status: 'in_service', ticket: 'T-9' }), ticket, true, T1);

    expect(room).toBeNull();
  });

  it('ignores a ticket that neither holds the room nor is behind its status', () => {
    const room = roomOnStart(aRoom({ status: 'service_due', ticket: 'T-9' }), ticket, false, T1);

    expect(room).toBeNull();
  });

  it('follows a non-holding ticket that is behind the room status', () => {
    const room = roomOnStart(aRoom({ status: 'pending_recovery', ticket: 'T-1' }), ticket, false, T1);

    expect(room).toMatchObject({ status: 'in_service', ticket: 'T-1' });
  });
});

describe('roomOnRejection', () => {
  it('leaves the room alone when the policy sets no status', () => {
    const room = roomOnRejection(aRoom(), ticket, null, 'Not clean', T1);

    expect(room).toBeNull();
  });

  it('sets the policy status with the reason, behind the rejected ticket', () => {
    const room = roomOnRejection(aRoom({ status: 'in_service', ticket: 'T-9' }), ticket, 'do_not_use', 'Unsafe', T1);

    expect(room).toEqual({ ...aRoom(), status: 'do_not_use', reason: 'Unsafe', ticket: 'T-1', since: T1 });
  });

  it('keeps a Do-Not-Use room closed when a lesser rejection asks for recovery', () => {
    const closed = aRoom({ status: 'do_not_use', reason: 'Flood', ticket: 'T-9' });

    const room = roomOnRejection(closed, ticket, 'pending_recovery', 'Not clean', T1);

    expect(room).toBeNull();
  });
});

describe('roomOnClose', () => {
  it('does nothing when another ticket is behind the status', () => {
    const room = roomOnClose(aRoom({ status: 'service_due', ticket: 'T-9' }), verified, [], T1);

    expect(room).toBeNull();
  });

  it('frees the room when no other ticket holds it', () => {
    const room = roomOnClose(aRoom({ status: 'do_not_use', ticket: 'T-1', reason: 'Unsafe' }), verified, [], T1);

    expect(room).toEqual({ ...aRoom(), status: 'available', reason: 'T-1 verified', reasonPhrase: { code: 'room.ticketVerified', params: { ticket: 'T-1' } }, ticket: null, since: T1 });
  });

  it('passes a Do-Not-Use status on to the follow-up of the closed ticket', () => {
    const followUp = aTicket('new', { id: 'T-2', parent: 'T-1' });
    const before = aRoom({ status: 'do_not_use', ticket: 'T-1', reason: 'Unsafe', since: T0 });

    const room = roomOnClose(before, verified, [aTicket('in_progress', { id: 'T-5' }), followUp], T1);

    expect(room).toMatchObject({ status: 'do_not_use', reason: 'Unsafe', ticket: 'T-2' });
  });

  it('lifts the Do-Not-Use a rejection set when that job\'s follow-up is approved, leaving the rejected job to decide', () => {
    const approvedFollowUp = aTicket('verified', { id: 'T-2', parent: 'T-1' });
    const rejectedJob = aTicket('escalated', { id: 'T-1', title: 'Fix the light' });

    const room = roomOnClose(aRoom({ status: 'do_not_use', ticket: 'T-1', reason: 'Unsafe' }), approvedFollowUp, [rejectedJob], T1);

    expect(room).toMatchObject({ status: 'service_due', reason: 'Fix the light', ticket: 'T-1', since: T1 });
  });

  it('keeps the Do-Not-Use when the follow-up is cancelled rather than approved', () => {
    const cancelledFollowUp = aTicket('cancelled', { id: 'T-2', parent: 'T-1' });

    const room = roomOnClose(aRoom({ status: 'do_not_use', ticket: 'T-1' }), cancelledFollowUp, [aTicket('escalated', { id: 'T-1' })], T1);

    expect(room).toBeNull();
  });

  it('passes a pending-recovery status back to the parent when the follow-up closes', () => {
    const closedFollowUp = aTicket('verified', { id: 'T-2', parent: 'T-1' });

    const room = roomOnClose(aRoom({ status: 'pending_recovery', ticket: 'T-2', reason: 'Not clean' }), closedFollowUp, [aTicket('rejected', { id: 'T-1' })], T1);

    expect(room).toMatchObject({ status: 'pending_recovery', reason: 'Not clean', ticket: 'T-1' });
  });

  it('hands a sticky status to a working ticket when no related ticket is open', () => {
    const working = aTicket('in_progress', { id: 'T-5', title: 'Fix lamp' });

    const room = roomOnClose(aRoom({ status: 'do_not_use', ticket: 'T-1' }), verified, [aTicket('new', { id: 'T-4' }), working], T1);

    expect(room).toMatchObject({ status: 'in_service', reason: 'Fix lamp', ticket: 'T-5' });
  });

  it('does not pass an in-service status to a related follow-up', () => {
    const followUp = aTicket('new', { id: 'T-2', parent: 'T-1', title: 'Follow-up' });

    const room = roomOnClose(aRoom({ status: 'in_service', ticket: 'T-1' }), verified, [followUp], T1);

    expect(room).toMatchObject({ status: 'service_due', reason: 'Follow-up', ticket: 'T-2' });
  });

  it('makes the room service-due behind the first other ticket when none is being worked', () => {
    const others = [aTicket('new', { id: 'T-4', title: 'Stain' }), aTicket('assigned', { id: 'T-5', title: 'Bulb' })];

    const room = roomOnClose(aRoom({ status: 'in_service', ticket: 'T-1' }), verified, others, T1);

    expect(room).toEqual({ ...aRoom(), status: 'service_due', reason: 'Stain', ticket: 'T-4', since: T1 });
  });
});

describe('roomSetByHand', () => {
  it('does nothing when status and reason are unchanged', () => {
    const room = roomSetByHand(aRoom({ status: 'do_not_use', reason: 'Flood' }), 'do_not_use', 'Flood', T1);

    expect(room).toBeNull();
  });

  it('sets the status with no ticket behind it', () => {
    const room = roomSetByHand(aRoom({ status: 'service_due', ticket: 'T-1' }), 'do_not_use', 'Flood', T1);

    expect(room).toEqual({ ...aRoom(), status: 'do_not_use', reason: 'Flood', ticket: null, since: T1 });
  });

  it('records a new reason for the same status', () => {
    const room = roomSetByHand(aRoom({ status: 'do_not_use', reason: 'Flood' }), 'do_not_use', 'Mould', T1);

    expect(room).toMatchObject({ status: 'do_not_use', reason: 'Mould', since: T1 });
  });
});
