import { describe, expect, it } from 'vitest';
import { aTicket } from '../../../../edge/src/test-support/domain-fixtures.ts';
import { dueState, durationParts } from './due.ts';

const now = Date.parse('2025-03-03T12:00:00.000Z');

describe('due times', () => {
  it('says how long a ticket is overdue', () => {
    const ticket = aTicket('assigned', { dueAt: '2025-03-03T10:35:00.000Z' });

    expect(dueState(ticket, now)).toEqual({ kind: 'overdue', minutes: 85 });
  });

  it('says how long until a ticket is due', () => {
    const ticket = aTicket('new', { dueAt: '2025-03-03T12:25:00.000Z' });

    expect(dueState(ticket, now)).toEqual({ kind: 'due', minutes: 25 });
  });

  it('never calls finished work overdue', () => {
    const ticket = aTicket('done', { dueAt: '2025-03-03T10:00:00.000Z' });

    expect(dueState(ticket, now)).toEqual({ kind: 'none' });
  });

  it('splits a duration into days, hours and minutes', () => {
    expect(durationParts(85)).toEqual({ days: 0, hours: 1, minutes: 25 });
    expect(durationParts(3 * 1440 + 125)).toEqual({ days: 3, hours: 2, minutes: 5 });
  });
});
