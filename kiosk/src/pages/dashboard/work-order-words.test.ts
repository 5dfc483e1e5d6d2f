import type { WorkOrder } from '@doorside/edge/contracts';
import { describe, expect, it } from 'vitest';
import { awaitingTooLong, mergeOrders, pastDue } from './work-order-words.ts';

const order = (id: string, patch: Partial<WorkOrder> = {}): WorkOrder => ({
  id, ticket: null, vendor: 'V-abcd', title: id, description: '', room: null, instructions: '', dueAt: null, costLimit: null, responsible: 'hanna',
  shareReporterContact: false, status: 'sent', attachments: [], comments: [], rejections: [], declineReason: null, report: null, history: [],
  createdAt: '2026-12-01T08:00:00.000Z', sentAt: '2026-12-01T08:00:00.000Z', answeredAt: null, startedAt: null, doneAt: null, closedAt: null,
  updatedAt: '2026-12-01T08:00:00.000Z', ...patch,
});

describe('work order words', () => {
  it('calls an unanswered order late once its first reminder falls due, as the server scheduled it, and an answered one never', () => {
    const now = new Date('2026-12-02T08:00:01.000Z');
    const chase = { sent: 0, step: 0, nextAt: '2026-12-02T08:00:00.000Z', task: null };

    const flags = [
      awaitingTooLong(order('WO-1', { reminders: chase }), now),
      awaitingTooLong(order('WO-2', { reminders: chase }), new Date('2026-12-02T07:59:00.000Z')),
      awaitingTooLong(order('WO-3', { status: 'accepted', reminders: chase }), now),
      awaitingTooLong(order('WO-4', { reminders: { sent: 1, step: 1, nextAt: '2026-12-04T08:00:00.000Z', task: null } }), now),
      awaitingTooLong(order('WO-5', { reminders: { ...chase, nextAt: '2026-12-03T08:00:00.000Z' } }), now),
      awaitingTooLong(order('WO-6'), now),
    ];

    expect(flags).toEqual([true, false, false, true, false, false]);
  });

  it('calls an order past its wanted-by time only while the work is still to be done', () => {
    const now = new Date('2026-12-05T00:00:00.000Z');
    const due = '2026-12-04T00:00:00.000Z';

    const flags = (['sent', 'in_progress', 'done', 'withdrawn'] as const).map((status) => pastDue(order('WO-1', { status, dueAt: due }), now));

    expect(flags).toEqual([true, true, false, false]);
  });

  it('lets a newer pushed state win, keeps an older one out, and adds pushed orders that match the filter', () => {
    const read = [order('WO-1', { status: 'accepted', updatedAt: '2026-12-01T10:00:00.000Z' })];
    const pushed = [order('WO-1', { status: 'sent' }), order('WO-2', { status: 'sent' }), order('WO-3', { status: 'declined' })];

    const merged = mergeOrders(read, pushed, (o) => o.status !== 'declined');

    expect(merged.map((o) => [o.id, o.status])).toEqual([['WO-2', 'sent'], ['WO-1', 'accepted']]);
  });
});
