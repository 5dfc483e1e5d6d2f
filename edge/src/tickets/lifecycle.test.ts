import { describe, expect, it } from 'vitest';
import type { TicketAction, TicketStatus } from '../contracts/index.ts';
import { thrownBy } from '../test-support/domain-fixtures.ts';
import { IllegalTransition } from './errors.ts';
import { CLOSED_STATUSES as closedStatuses, isOpen } from '../contracts/index.ts';
import { allowedActions, assertAllowed } from './lifecycle.ts';

const table: Record<TicketStatus, TicketAction[]> = {
  new: ['assign', 'claim', 'escalate', 'cancel', 'comment'],
  assigned: ['assign', 'transfer', 'start', 'escalate', 'cancel', 'comment', 'accept'],
  in_progress: ['transfer', 'complete', 'escalate', 'cancel', 'comment'],
  done: ['approve', 'reject', 'comment'],
  rejected: ['assign', 'transfer', 'start', 'escalate', 'cancel', 'comment'],
  escalated: ['assign', 'claim', 'transfer', 'start', 'cancel', 'comment'],
  verified: ['comment'],
  cancelled: ['comment'],
};

describe('ticket lifecycle', () => {
  it.each(Object.entries(table))('allows exactly the listed actions on a %s ticket', (status, actions) => {
    const allowed = allowedActions(status as TicketStatus);

    expect(allowed).toEqual(actions);
  });

  it('accepts an action the status allows without throwing', () => {
    const check = () => assertAllowed('done', 'reject');

    expect(check).not.toThrow();
  });

  it('refuses to reject a ticket that is not done with IllegalTransition', () => {
    const error = thrownBy(() => assertAllowed('in_progress', 'reject'));

    expect(error).toBeInstanceOf(IllegalTransition);
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', kind: 'conflict', message: 'cannot reject a ticket that is in_progress' });
  });

  it('carries the current status and the allowed actions in the refusal details', () => {
    const error = thrownBy(() => assertAllowed('new', 'start'));

    expect((error as IllegalTransition).details).toEqual({
      status: 'new', allowed: ['assign', 'claim', 'escalate', 'cancel', 'comment'],
    });
  });

  it('refuses to approve a ticket twice', () => {
    const error = thrownBy(() => assertAllowed('verified', 'approve'));

    expect((error as IllegalTransition).details).toEqual({ status: 'verified', allowed: ['comment'] });
  });

  it('refuses to claim a ticket that is already assigned', () => {
    const check = () => assertAllowed('assigned', 'claim');

    expect(check).toThrow(IllegalTransition);
  });

  it('returns a copy of the allowed actions that callers cannot use to change the table', () => {
    allowedActions('verified').push('approve');

    const after = allowedActions('verified');

    expect(after).toEqual(['comment']);
  });

  it('counts verified and cancelled as the closed statuses', () => {
    const closed = [...closedStatuses];

    expect(closed).toEqual(['verified', 'cancelled']);
  });

  it.each(['verified', 'cancelled'] as const)('treats a %s ticket as closed', (status) => {
    const open = isOpen(status);

    expect(open).toBe(false);
  });

  it.each(['new', 'assigned', 'in_progress', 'done', 'rejected', 'escalated'] as const)('treats a %s ticket as open', (status) => {
    const open = isOpen(status);

    expect(open).toBe(true);
  });
});
