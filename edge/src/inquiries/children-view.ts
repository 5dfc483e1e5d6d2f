import { type ChildrenView, inquiryStage, isOpen, type Ticket } from '../contracts/index.ts';

/** An inquiry's children and their progress; it may be closed once every child is done and it is itself open. */
export function childrenView(parent: Ticket, children: readonly Ticket[]): ChildrenView {
  const rows = children.map((c) => ({ id: c.id, kind: c.kind, title: c.title, status: c.status, stage: inquiryStage(c.status), assignee: c.assignee, team: c.team }));
  const done = rows.filter((r) => r.stage === 'done').length;
  return { parent: parent.id, children: rows, done, total: rows.length, mayClose: rows.length > 0 && done === rows.length && isOpen(parent.status) };
}
