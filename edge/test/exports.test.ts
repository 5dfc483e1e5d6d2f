import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvDocument, spreadsheetSafe } from '../src/exports/csv-document.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const readCsv = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true });

describe('a CSV document', () => {
  it('quotes commas, quotes and line breaks so that they parse back unchanged', () => {
    const text = csvDocument([{ header: 'text', value: (row: string) => row }], ['a, b', 'say "hi"', 'one\r\ntwo']);

    expect(readCsv(text).map((r) => r.text)).toEqual(['a, b', 'say "hi"', 'one\r\ntwo']);
  });

  it('turns text that a spreadsheet would run as a formula into plain text', () => {
    const cells = ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', 'fine = 1', ''];

    const safe = cells.map(spreadsheetSafe);

    expect(safe).toEqual(["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\t=1", "'\r=1", 'fine = 1', '']);
  });

  it('leaves numbers as numbers and writes true and false for yes-no cells', () => {
    const text = csvDocument([{ header: 'n', value: (r: number) => r }, { header: 'late', value: (r: number) => r < 0 }], [-3, 4]);

    expect(readCsv(text)).toEqual([{ n: '-3', late: 'true' }, { n: '4', late: 'false' }]);
  });

  it('ends records with CRLF and starts with a byte order mark', () => {
    const text = csvDocument([{ header: 'a', value: (r: string) => r }], ['x']);

    expect(text).toBe('\ufeffa\r\nx\r\n');
  });
});

describe('the ticket and audit downloads', () => {
  let gw: TestGateway;
  let now = '2026-11-20T09:00:00.000Z';
  let hanna: string;
  let tricky: string;
  let plain: string;
  const description = '=HYPERLINK("http://evil.example","click"), then "more"\nsecond line';

  const report = async (room: string, category: string, text: string) => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: text } });
    return res.body.ticket.id as string;
  };

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now });
    hanna = await gw.login('hanna');
    tricky = await report('r204', 'cleaning', description);
    plain = await report('r305', 'supplies', 'Coffee beans empty');
    // Cleaning is due in 120 minutes and supplies in 240: three hours on, only the cleaning is late.
    now = '2026-11-20T12:00:00.000Z';
  });
  afterAll(async () => { await gw?.stop(); });

  it('downloads the tickets of a room as an attachment that parses back to the same text', async () => {
    const res = await gw.call('GET', '/api/exports/tickets.csv?room=r204', { cookie: hanna });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="doorside-demo-tickets-2026-11-20.csv"');
    const rows = readCsv(res.body as string);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'kind', 'category', 'priority', 'status', 'room', 'team', 'assignee', 'title', 'description', 'reporter',
      'created_at', 'due_at', 'updated_at', 'resolved_at', 'overdue', 'rejections', 'last_rejection_reason', 'parent',
      'replies', 'last_reply_at', 'internal_notes',
    ]);
    expect(rows[0]).toMatchObject({ id: tricky, room: 'r204', category: 'cleaning', status: 'new', description: `'${description}`, overdue: 'true', rejections: '0' });
  });

  it('applies the list filters: overdue, team and priority', async () => {
    const overdue = readCsv((await gw.call('GET', '/api/exports/tickets.csv?overdue=true', { cookie: hanna })).body);
    const onTime = readCsv((await gw.call('GET', '/api/exports/tickets.csv?overdue=false', { cookie: hanna })).body);
    const facility = readCsv((await gw.call('GET', '/api/exports/tickets.csv?team=facility&priority=normal', { cookie: hanna })).body);

    expect(overdue.map((r) => r.id)).toEqual([tricky]);
    expect(onTime.map((r) => r.id)).toEqual([plain]);
    expect(facility.map((r) => r.id)).toEqual([plain]);
  });

  it('downloads the audit trail of one ticket in the order it was written, with the recorded state intact', async () => {
    await gw.call('POST', `/api/tickets/${tricky}/assign`, { cookie: hanna, body: { assignee: 'ana', note: '+1 urgent, "today"' } });

    const res = await gw.call('GET', `/api/exports/audit.csv?ticket=${tricky}`, { cookie: hanna });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="doorside-demo-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = readCsv(res.body as string);
    expect(rows.map((r) => [r.type, r.actor])).toEqual([['ticket-opened', 'occupant'], ['ticket-assigned', 'user:hanna']]);
    expect(Object.keys(rows[0]!)).toEqual(['seq', 'at', 'actor', 'type', 'entity', 'state', 'prev_hash', 'hash']);
    expect(JSON.parse(rows[0]!.state!)).toMatchObject({ id: tricky, description });
    expect(JSON.parse(rows[1]!.state!).history.at(-1).note).toBe('+1 urgent, "today"');
    expect(Number(rows[1]!.seq)).toBeGreaterThan(Number(rows[0]!.seq));
  });

  it('finds events by free text in the audit download and the audit search alike', async () => {
    const download = readCsv((await gw.call('GET', '/api/exports/audit.csv?q=coffee%20beans', { cookie: hanna })).body);
    const search = await gw.call('GET', '/api/audit?q=coffee%20beans', { cookie: hanna });

    expect(download.map((r) => r.entity)).toEqual([`ticket:${plain}`]);
    expect(search.body.events.map((e: { entity: string }) => e.entity)).toEqual([`ticket:${plain}`]);
  });

  it.each([
    ['tickets', '/api/exports/tickets.csv?overdue=maybe'],
    ['tickets', '/api/exports/tickets.csv?status=lost'],
    ['tickets', '/api/exports/tickets.csv?limit=0'],
    ['audit', '/api/exports/audit.csv?ticket=1024'],
    ['audit', '/api/exports/audit.csv?colour=red'],
  ])('refuses a bad %s query with 400: %s', async (_what, path) => {
    const res = await gw.call('GET', path, { cookie: hanna });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('INVALID');
  });

  it('counts the replies to the reporter apart from the internal notes, and carries the words of neither', async () => {
    const sofia = await gw.login('sofia');
    const reply = await gw.call('POST', `/api/tickets/${plain}/reply`, { cookie: sofia, body: { text: 'Beans are on their way' } });
    expect(reply.status).toBe(200);
    const comment = await gw.call('POST', `/api/tickets/${plain}/comment`, { cookie: sofia, body: { text: 'Supplier late again', internal: true } });
    expect(comment.status).toBe(200);

    const text = (await gw.call('GET', '/api/exports/tickets.csv?room=r305', { cookie: hanna })).body as string;
    const [row] = readCsv(text);

    expect(row).toMatchObject({ id: plain, replies: '1', last_reply_at: now, internal_notes: '1' });
    expect(text).not.toContain('Beans are on their way');
    expect(text).not.toContain('Supplier late again');
  });

  it('refuses staff with 403 and a visitor without a session with 401', async () => {
    const ana = await gw.login('ana');

    const answers = await Promise.all([
      gw.call('GET', '/api/exports/tickets.csv', { cookie: ana }), gw.call('GET', '/api/exports/audit.csv', { cookie: ana }),
      gw.call('GET', '/api/exports/tickets.csv'), gw.call('GET', '/api/exports/audit.csv'),
    ]);

    expect(answers.map((a) => a.status)).toEqual([403, 403, 401, 401]);
  });
});
