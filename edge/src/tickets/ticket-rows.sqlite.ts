import { CLOSED_STATUSES_SQL, type Ticket } from '../contracts/index.ts';
import type { Db } from '../store/database.sqlite.ts';

export interface TicketFilter {
  status?: string;
  room?: string;
  team?: string;
  assignee?: string;
  kind?: string;
  priority?: string;
  /** Open past its due time at `now` (true), or not (false). */
  overdue?: boolean;
  now?: string;
  limit: number;
}

/** Tickets as rows: columns to filter on, the whole ticket as JSON, rejections mirrored for reporting. */
export class TicketRows {
  readonly #get;
  readonly #openInRoom;
  readonly #insert;
  readonly #updateDoc;
  readonly #updateIndexed;
  readonly #rejection;
  readonly #counts;
  readonly #attachment;
  readonly #ticketOfAttachment;

  constructor(private readonly db: Db) {
    this.#get = db.prepare<[string], { doc: string }>('SELECT doc FROM tickets WHERE id = ?');
    this.#openInRoom = db.prepare<[string], { doc: string }>(
      `SELECT doc FROM tickets WHERE room = ? AND status NOT IN ${CLOSED_STATUSES_SQL} ORDER BY id`,
    );
    // SQLite rewrites an index whenever its column is SET, changed or not; so the document
    // and the indexed columns are written apart, the latter only when one of them moved.
    this.#insert = db.prepare(`
      INSERT INTO tickets (id, room, status, team, assignee, priority, due_at, updated_at, doc)
      VALUES (@id, @room, @status, @team, @assignee, @priority, @dueAt, @updatedAt, @doc)`);
    this.#updateDoc = db.prepare('UPDATE tickets SET doc = @doc, updated_at = @updatedAt WHERE id = @id');
    this.#updateIndexed = db.prepare(`
      UPDATE tickets SET status = @status, team = @team, assignee = @assignee, priority = @priority, due_at = @dueAt
      WHERE id = @id AND (status IS NOT @status OR team IS NOT @team OR assignee IS NOT @assignee
        OR priority IS NOT @priority OR due_at IS NOT @dueAt)`);
    this.#rejection = db.prepare(`
      INSERT INTO rejections (id, ticket, room, at, by, reason, original_assignee, response)
      VALUES (@id, @ticket, @room, @at, @by, @reason, @originalAssignee, @response)
      ON CONFLICT (id) DO UPDATE SET response = excluded.response WHERE response IS NOT excluded.response`);
    this.#attachment = db.prepare('INSERT OR IGNORE INTO attachments (id, ticket) VALUES (?, ?)');
    this.#ticketOfAttachment = db.prepare<[string], { ticket: string }>('SELECT ticket FROM attachments WHERE id = ?');
    this.#counts = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM tickets GROUP BY status');
  }

  get(id: string): Ticket | undefined {
    const row = this.#get.get(id);
    return row && JSON.parse(row.doc);
  }

  openInRoom(room: string): Ticket[] {
    return this.#openInRoom.all(room).map((row) => JSON.parse(row.doc));
  }

  put(ticket: Ticket): void {
    const doc = JSON.stringify(ticket);
    const row = { id: ticket.id, status: ticket.status, team: ticket.team, assignee: ticket.assignee, priority: ticket.priority, dueAt: ticket.dueAt };
    if (this.#updateDoc.run({ id: ticket.id, doc, updatedAt: ticket.updatedAt }).changes === 0) {
      this.#insert.run({ ...row, room: ticket.room, updatedAt: ticket.updatedAt, doc });
    } else {
      this.#updateIndexed.run(row);
    }
    for (const r of ticket.rejections) this.#rejection.run({ ...r, ticket: ticket.id });
    for (const a of ticket.attachments) this.#attachment.run(a.id, ticket.id);
  }

  ticketOfAttachment(id: string): string | undefined {
    return this.#ticketOfAttachment.get(id)?.ticket;
  }

  list(filter: TicketFilter): Ticket[] {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const key of ['status', 'room', 'team', 'assignee', 'priority'] as const) {
      if (filter[key]) { where.push(`${key} = ?`); args.push(filter[key]); }
    }
    if (filter.kind) { where.push("json_extract(doc, '$.kind') = ?"); args.push(filter.kind); }
    if (filter.overdue !== undefined && filter.now) {
      const overdue = `(status NOT IN ${CLOSED_STATUSES_SQL} AND due_at < ?)`;
      where.push(filter.overdue ? overdue : `NOT ${overdue}`);
      args.push(filter.now);
    }
    const sql = `SELECT doc FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, due_at LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit) as { doc: string }[]).map((row) => JSON.parse(row.doc));
  }

  countByStatus(): Record<string, number> {
    return Object.fromEntries(this.#counts.all().map((row) => [row.status, row.n]));
  }
}
