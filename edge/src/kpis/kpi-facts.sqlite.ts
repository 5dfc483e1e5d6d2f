import type { Db } from '../store/database.sqlite.ts';
import type { TicketFacts } from './kpi-report.ts';
import type { KpiWindow } from './kpi-window.ts';


// The history and the rating live in the ticket's JSON and in track_tokens; SQLite's JSON
// functions pick out only what the figures use, so no whole ticket is parsed in JavaScript.
const factsSql = `
  SELECT t.id, t.status, t.team,
    json_extract(t.doc, '$.category') AS category,
    json_extract(t.doc, '$.createdAt') AS createdAt,
    t.due_at AS dueAt,
    (SELECT min(json_extract(h.value, '$.at')) FROM json_each(t.doc, '$.history') h
      WHERE json_extract(h.value, '$.status') = 'verified') AS resolvedAt,
    (SELECT count(*) FROM json_each(t.doc, '$.history') h WHERE json_extract(h.value, '$.status') = 'done') AS completions,
    json_array_length(t.doc, '$.rejections') AS rejections,
    (SELECT k.rating FROM track_tokens k WHERE k.ticket = t.id AND k.rating IS NOT NULL ORDER BY k.rowid LIMIT 1) AS rating
  FROM tickets t
  WHERE json_extract(t.doc, '$.createdAt') >= ? AND json_extract(t.doc, '$.createdAt') < ?
  ORDER BY t.id`;

/** Every ticket reported inside the window, with the facts the figures are made of. */
export type { TicketFacts };

export function ticketFacts(db: Db, window: KpiWindow): TicketFacts[] {
  return db.prepare(factsSql).all(window.from, window.to) as TicketFacts[];
}
