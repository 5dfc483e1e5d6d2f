import { CLOSED_STATUSES_SQL, isOpen, type Ticket } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

export interface TicketFilter {
  status?: string;
  room?: string;
  team?: string;
  assignee?: string;
  kind?: string;
  priority?: string;
  /** Open past its due time at `now` (true), or not (false). */
  overdue?: boolean;
  /** Open, and by its service-level clocks at `now`: breached, due within the hour, or paused. */
  sla?: 'breached' | 'due-soon' | 'paused';
  sort?: 'response-due' | 'resolution-due';
  now?: string;
  /** Only tickets matching one of these (each clause: all its fields); absent: no such limit, empty: none. */
  visible?: readonly { room?: string; teams?: readonly string[]; assignee?: string; none?: true }[];
  limit: number;
}

interface Indexed { status: string; is_open: number; team: string; assignee: string | null; priority: string; due_at: string }
const indexed = ['status', 'is_open', 'team', 'assignee', 'priority', 'due_at'] as const;

/**
 * Tickets as rows: columns to filter on, and `seq`, the event that holds the whole ticket as
 * JSON. Readers go through the `tickets` view, whose `doc` is that event's state.
 */
export class TicketRows {
  readonly #get;
  readonly #openInRoom;
  readonly #latestDone;
  readonly #doneInRoom;
  readonly #current;
  readonly #insert;
  readonly #counts;
  readonly #attachment;
  readonly #ticketOfAttachment;
  readonly #sql;

  /**
   * The highest ticket number handed out so far (`T-1042` is 1042), or `floor` on a new site.
   * Sites from before numbers were kept in memory also count their old counter row.
   */
  highestNumber(floor: number): number {
    const row = this.db.prepare<[], { n: number | null }>(`
      SELECT max(n) AS n FROM (
        SELECT max(CAST(substr(id, 3) AS INTEGER)) AS n FROM ticket_rows WHERE id GLOB 'T-[0-9]*'
        UNION ALL SELECT value FROM counters WHERE name = 'ticket')`).get();
    return Math.max(floor, row?.n ?? floor);
  }

  constructor(private readonly db: Db) {
    this.#sql = statementCache(db);
    this.#get = db.prepare<[string], { doc: string }>('SELECT doc FROM tickets WHERE id = ?');
    this.#openInRoom = db.prepare<[string], { doc: string }>('SELECT doc FROM tickets WHERE room = ? AND is_open = 1 ORDER BY id');
    // The room's open rows through the partial index, columns only: no ticket is parsed.
    this.#latestDone = db.prepare<[string], { id: string }>(
      "SELECT id FROM ticket_rows WHERE room = ? AND is_open = 1 AND status = 'done' ORDER BY updated_at DESC, id LIMIT 1");
    this.#doneInRoom = db.prepare<[string], { doc: string }>("SELECT doc FROM tickets WHERE room = ? AND is_open = 1 AND status = 'done' ORDER BY id");
    this.#current = db.prepare<[string], Indexed>(`SELECT ${indexed.join(', ')} FROM ticket_rows WHERE id = ?`);
    this.#insert = db.prepare(`
      INSERT INTO ticket_rows (id, room, status, is_open, team, assignee, priority, due_at, updated_at, seq, doc)
      VALUES (@id, @room, @status, @is_open, @team, @assignee, @priority, @due_at, @updatedAt, @seq, @doc)`);
    this.#attachment = db.prepare('INSERT OR IGNORE INTO attachments (id, ticket) VALUES (?, ?)');
    this.#ticketOfAttachment = db.prepare<[string], { ticket: string }>('SELECT ticket FROM attachments WHERE id = ?');
    this.#counts = db.prepare<[], { status: string; n: number }>('SELECT status, count(*) AS n FROM ticket_rows GROUP BY status');
  }

  get(id: string): Ticket | undefined {
    const row = this.#get.get(id);
    return row && JSON.parse(row.doc);
  }

  openInRoom(room: string): Ticket[] {
    return this.#openInRoom.all(room).map((row) => JSON.parse(row.doc));
  }

  /** The room's finished jobs waiting for a verdict, by id; only these are parsed. */
  doneInRoom(room: string): Ticket[] {
    return this.#doneInRoom.all(room).map((row) => JSON.parse(row.doc));
  }

  /** The room's most recently finished job waiting for a verdict (the lowest id among equals), or null. */
  latestDoneInRoom(room: string): string | null {
    return this.#latestDone.get(room)?.id ?? null;
  }

  /**
   * Stores the ticket's columns. With `seq`, the event that recorded this very state (appended
   * first, in the same transaction), the row points at it; without, the row keeps the JSON itself.
   * A ticket known to be new (`opened`) is inserted without looking for its row first.
   */
  put(ticket: Ticket, seq?: number, opened = false): void {
    const next: Indexed = {
      status: ticket.status, is_open: isOpen(ticket.status) ? 1 : 0, team: ticket.team,
      assignee: ticket.assignee, priority: ticket.priority, due_at: ticket.dueAt,
    };
    const state = { id: ticket.id, updatedAt: ticket.updatedAt, seq: seq ?? null, doc: seq === undefined ? JSON.stringify(ticket) : null };
    const now = opened ? undefined : this.#current.get(ticket.id);
    if (!now) {
      this.#insert.run({ ...next, ...state, room: ticket.room });
    } else {
      // SQLite rewrites an index whenever a column it covers is SET, changed or not;
      // so only the columns that moved are set.
      const moved = indexed.filter((c) => now[c] !== next[c]);
      const set = ['seq = @seq', 'doc = @doc', 'updated_at = @updatedAt', ...moved.map((c) => `${c} = @${c}`)].join(', ');
      this.#sql(`UPDATE ticket_rows SET ${set} WHERE id = @id`).run({ ...state, ...Object.fromEntries(moved.map((c) => [c, next[c]])) });
    }
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
    if (filter.sla) where.push(this.#slaClause(filter.sla, filter.now ?? new Date().toISOString(), args));
    if (filter.visible) {
      const clauses = filter.visible.map((clause) => {
        const parts: string[] = [];
        if (clause.none) return '0';
        if (clause.room !== undefined) { parts.push('room = ?'); args.push(clause.room); }
        if (clause.assignee !== undefined) { parts.push('assignee = ?'); args.push(clause.assignee); }
        if (clause.teams !== undefined) { parts.push(`team IN (${clause.teams.map(() => '?').join(', ') || 'NULL'})`); args.push(...clause.teams); }
        return parts.length ? `(${parts.join(' AND ')})` : '1';
      });
      where.push(clauses.length ? `(${clauses.join(' OR ')})` : '0');
    }
    const byPriority = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, due_at";
    const due = filter.sort && `(SELECT json_extract(s.doc, '$.${filter.sort === 'response-due' ? 'response' : 'resolution'}.dueMs') FROM ticket_sla s WHERE s.ticket = tickets.id)`;
    const sql = `SELECT doc FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${due ? `${due} IS NULL, ${due}, id` : byPriority} LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit) as { doc: string }[]).map((row) => JSON.parse(row.doc));
  }

  /** Tickets by their clocks as kept: `breached` is set by the last change, `due_at` is when the soonest running clock runs out. */
  #slaClause(sla: NonNullable<TicketFilter['sla']>, now: string, args: unknown[]): string {
    const open = `status NOT IN ${CLOSED_STATUSES_SQL}`;
    const clocks = (condition: string) => `(${open} AND id IN (SELECT ticket FROM ticket_sla WHERE ${condition}))`;
    switch (sla) {
      case 'breached':
        args.push(now);
        return clocks('breached = 1 OR due_at <= ?');
      case 'due-soon':
        args.push(now, new Date(Date.parse(now) + 3_600_000).toISOString());
        return clocks('breached = 0 AND due_at > ? AND due_at <= ?');
      case 'paused':
        return clocks('paused = 1');
    }
  }

  countByStatus(): Record<string, number> {
    return Object.fromEntries(this.#counts.all().map((row) => [row.status, row.n]));
  }
}
