import { describe, expect, it } from 'vitest';
import type { StaffQueue, Ticket } from '@doorside/edge/contracts';
import { aTicket } from '../../../../edge/src/test-support/domain-fixtures.ts';
import { applyTicket, byUrgency, type Entry, listFor, openRejection } from './queue-lists.ts';

const ana: StaffQueue['me'] = { id: 'ana', name: 'Ana', role: 'staff', teams: ['housekeeping'], claims: true, internalNotes: true };
const entry = (ticket: Ticket, actions: Entry['actions'] = ['comment']): Entry => ({ ticket, actions, transferTo: [] });
const rejection = (response: Ticket['rejections'][number]['response']) => ({
  id: 'R-1-1', at: '2025-03-03T10:00:00.000Z', room: 'r101', by: 'user:sue', reason: 'Not clean', notes: null, photos: [],
  originalAssignee: 'ana', response, route: 'returned' as const, escalatedTo: null, followUp: null, roomStatus: null, notified: [],
});

describe('the staff queue lists', () => {
  it('orders by priority, then due time', () => {
    const list = [
      entry(aTicket('new', { id: 'T-1', priority: 'normal', dueAt: '2025-03-03T09:00:00.000Z' })),
      entry(aTicket('new', { id: 'T-2', priority: 'urgent', dueAt: '2025-03-03T12:00:00.000Z' })),
      entry(aTicket('new', { id: 'T-3', priority: 'normal', dueAt: '2025-03-03T08:00:00.000Z' })),
      entry(aTicket('new', { id: 'T-4', priority: 'low', dueAt: '2025-03-03T07:00:00.000Z' })),
    ];

    const sorted = [...list].sort(byUrgency).map((e) => e.ticket.id);

    expect(sorted).toEqual(['T-2', 'T-3', 'T-1', 'T-4']);
  });

  it('puts my open tickets in mine, my team\'s unclaimed ones in the pool, and nothing else anywhere', () => {
    expect(listFor(aTicket('assigned'), ana)).toBe('mine');
    expect(listFor(aTicket('new'), ana)).toBe('pool');
    expect(listFor(aTicket('assigned', { assignee: 'ben' }), ana)).toBeNull();
    expect(listFor(aTicket('new', { team: 'av' }), ana)).toBeNull();
    expect(listFor(aTicket('verified'), ana)).toBeNull();
    expect(listFor(aTicket('new'), { ...ana, claims: false })).toBeNull();
  });

  it('moves a claimed ticket from the pool to mine and offers nothing until the gateway answers', () => {
    const lists = { mine: [], pool: [entry(aTicket('new'), ['claim', 'comment'])] };

    const next = applyTicket(lists, ana, aTicket('assigned'));

    expect(next.pool).toEqual([]);
    expect(next.mine).toHaveLength(1);
    expect(next.mine[0]).toMatchObject({ actions: [], stale: true });
  });

  it('keeps the actions when only a note was added', () => {
    const ticket = aTicket('assigned');
    const lists = { mine: [entry(ticket, ['start', 'comment'])], pool: [] };

    const next = applyTicket(lists, ana, { ...ticket, notes: [{ at: ticket.createdAt, by: 'user:ben', text: 'Key at reception', internal: true }] });

    expect(next.mine[0]?.actions).toEqual(['start', 'comment']);
    expect(next.mine[0]?.ticket.notes).toHaveLength(1);
  });

  it('hides staff-only notes from someone who may not read them', () => {
    const ticket = aTicket('assigned', { assignee: 'vera', notes: [
      { at: '2025-03-03T10:00:00.000Z', by: 'user:sue', text: 'internal', internal: true },
      { at: '2025-03-03T10:00:00.000Z', by: 'user:sue', text: 'shared', internal: false },
    ] });
    const vera = { ...ana, id: 'vera', role: 'vendor' as const, teams: [], claims: false, internalNotes: false };

    const next = applyTicket({ mine: [], pool: [] }, vera, ticket);

    expect(next.mine[0]?.ticket.notes.map((n) => n.text)).toEqual(['shared']);
  });

  it('drops a ticket that was closed', () => {
    const lists = { mine: [entry(aTicket('done'))], pool: [] };

    const next = applyTicket(lists, ana, aTicket('verified'));

    expect(next).toEqual({ mine: [], pool: [] });
  });

  it('shows a rejection on top until the job is done again', () => {
    expect(openRejection(aTicket('rejected', { rejections: [rejection('pending')] }))?.reason).toBe('Not clean');
    expect(openRejection(aTicket('in_progress', { rejections: [rejection('reworking')] }))).toBeDefined();
    expect(openRejection(aTicket('done', { rejections: [rejection('redone')] }))).toBeUndefined();
    expect(openRejection(aTicket('assigned'))).toBeUndefined();
  });
});
