import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';

export const CSV_TYPE = 'text/csv; charset=utf-8';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return
 * in front of one) as a formula; a leading apostrophe makes them show it as text.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | boolean | null;
}

/**
 * A CSV document as RFC 4180 describes it (CRLF, fields quoted where needed), with a byte
 * order mark so spreadsheet programs read it as UTF-8, and every text cell made formula-safe.
 */
export function csvDocument<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const records = Array.from(rows, (row) => columns.map((c) => c.value(row)));
  return stringify(records, {
    bom: true,
    header: true,
    columns: columns.map((c) => c.header),
    record_delimiter: 'windows',
    cast: { string: spreadsheetSafe, boolean: (value) => (value ? 'true' : 'false') },
  });
}

/** `Content-Disposition` for a download named after the site, what it holds and the day it was made. */
export function attachmentName(site: string, what: string, now: string): string {
  return `attachment; filename="doorside-${site}-${what}-${now.slice(0, 10)}.csv"`;
}

/** Sends rows as a CSV download named after the site, what it holds and the day: the one writer of every CSV export. */
export function sendCsv<Row>(reply: FastifyReply, name: { site: string; what: string; now: string }, columns: readonly CsvColumn<Row>[], rows: Iterable<Row>) {
  return reply.type(CSV_TYPE).header('content-disposition', attachmentName(name.site, name.what, name.now)).send(csvDocument(columns, rows));
}
