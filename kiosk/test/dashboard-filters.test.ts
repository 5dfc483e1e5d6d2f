import { describe, expect, it } from 'vitest';
import { aTicket } from '../../edge/src/test-support/domain-fixtures.ts';
import { isOverdue, matches, mergeTickets, noFilters, sortTickets } from '../src/pages/dashboard/ticket-filters.ts';

const now = new Date('2026-11-20T12:00:00.000Z');
const late = aTicket('assigned', { id: 'T-1', priority: 'normal', dueAt: '2026-11-20T11:00:00.000Z', team: 'cleaning', room: 'r101' });
const urgent = aTicket('new', { id: 'T-2', priority: 'urgent', dueAt: '2026-11-20T13:00:00.000Z', team: 'av', room: 'r102' });
const closedLate = aTicket('verified', { id: 'T-3', priority: 'low', dueAt: '2026-11-19T09:00:00.000Z', team: 'cleaning', room: 'r101' });

describe('the dashboard\'s ticket filters', () => {
  it('calls a ticket overdue only while it is open past its due time', () => {
    const answers = [late, urgent, closedLate].map((t) => isOverdue(t, now));

    expect(answers).toEqual([true, false, false]);
  });

  it('combines the filters, each narrowing the list', () => {
    const pick = (filters: Partial<typeof noFilters>) => [late, urgent, closedLate].filter((t) => matches(t, { ...noFilters, ...filters }, now)).map((t) => t.id);

    expect(pick({})).toEqual(['T-1', 'T-2', 'T-3']);
    expect(pick({ team: 'cleaning' })).toEqual(['T-1', 'T-3']);
    expect(pick({ team: 'cleaning', overdue: 'true' })).toEqual(['T-1']);
    expect(pick({ overdue: 'false', room: 'r101' })).toEqual(['T-3']);
    expect(pick({ priority: 'urgent', status: 'new' })).toEqual(['T-2']);
  });

  it('sorts by priority and then due time, or by due time alone', () => {
    expect(sortTickets([late, closedLate, urgent], 'priority').map((t) => t.id)).toEqual(['T-2', 'T-1', 'T-3']);
    expect(sortTickets([late, closedLate, urgent], 'due').map((t) => t.id)).toEqual(['T-3', 'T-1', 'T-2']);
  });

  it('keeps a change heard live when an older copy of the list arrives later', () => {
    const heard = { ...late, status: 'in_progress' as const, updatedAt: '2026-11-20T12:00:05.000Z' };
    const fetchedEarlier = { ...late, updatedAt: '2026-11-20T12:00:00.000Z' };

    const merged = mergeTickets([heard], [fetchedEarlier, urgent]);

    expect(merged.map((t) => [t.id, t.status])).toEqual([['T-1', 'in_progress'], ['T-2', 'new']]);
  });
});
