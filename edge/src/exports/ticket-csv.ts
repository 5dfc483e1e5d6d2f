import { isOverdue, type Ticket } from '../contracts/index.ts';
import type { CsvColumn } from './csv-document.ts';

/** One row per ticket: what a facility team sorts and filters on in a spreadsheet. */
export function ticketColumns(now: string): CsvColumn<Ticket>[] {
  const resolvedAt = (t: Ticket) => t.history.find((h) => h.status === 'verified')?.at ?? null;
  return [
    { header: 'id', value: (t) => t.id },
    { header: 'kind', value: (t) => t.kind },
    { header: 'category', value: (t) => t.category },
    { header: 'priority', value: (t) => t.priority },
    { header: 'status', value: (t) => t.status },
    { header: 'room', value: (t) => t.room },
    { header: 'team', value: (t) => t.team },
    { header: 'assignee', value: (t) => t.assignee },
    { header: 'title', value: (t) => t.title },
    { header: 'description', value: (t) => t.description },
    { header: 'reporter', value: (t) => (t.reporter.id ? `${t.reporter.kind}:${t.reporter.id}` : t.reporter.kind) },
    { header: 'created_at', value: (t) => t.createdAt },
    { header: 'due_at', value: (t) => t.dueAt },
    { header: 'updated_at', value: (t) => t.updatedAt },
    { header: 'resolved_at', value: resolvedAt },
    { header: 'overdue', value: (t) => isOverdue(t, now) },
    { header: 'rejections', value: (t) => t.rejections.length },
    { header: 'last_rejection_reason', value: (t) => t.rejections.at(-1)?.reason ?? null },
    { header: 'parent', value: (t) => t.parent },
    // Replies went to the reporter; internal notes did not. Counts only: a spreadsheet is no place for either's words.
    { header: 'replies', value: (t) => t.history.filter((h) => h.visibility === 'reporter').length },
    { header: 'last_reply_at', value: (t) => t.history.findLast((h) => h.visibility === 'reporter')?.at ?? null },
    { header: 'internal_notes', value: (t) => t.notes.filter((n) => n.internal).length },
  ];
}
