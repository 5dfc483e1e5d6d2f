import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
const cookies: Record<string, string> = {};
/** Ids and tokens made in beforeAll: a new report and a finished job (with its tracking token). */
const fixture = { open: '', done: '', track: '' };

const reportPath = (room: string) => {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  return url.pathname + url.search;
};
const qr = (room: string) => new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi).searchParams.get('k')!;

beforeAll(async () => {
  gw = await startTestGateway();
  for (const user of ['sofia', 'hanna', 'ana']) cookies[user] = await gw.login(user);
  const open = await gw.call('POST', reportPath('r101'), { body: { category: 'cleaning', description: 'Spilled coffee' } });
  const done = await gw.call('POST', reportPath('r102'), { body: { category: 'cleaning', description: 'Bins full' } });
  Object.assign(fixture, { open: open.body.ticket.id, done: done.body.ticket.id, track: done.body.trackToken });
  await gw.call('POST', `/api/tickets/${fixture.done}/assign`, { cookie: cookies.sofia!, body: { assignee: 'ana' } });
  await gw.call('POST', `/api/tickets/${fixture.done}/start`, { cookie: cookies.ana! });
  const completed = await gw.call('POST', `/api/tickets/${fixture.done}/complete`, { cookie: cookies.ana! });
  expect(completed.body.ticket.status).toBe('done');
});
afterAll(async () => { await gw.stop(); });

/** What a refusal may not change: the event log head and every ticket row. */
const written = () => ({
  head: gw.store.log.head.seq,
  tickets: gw.store.db.prepare('SELECT id, status, updated_at, doc FROM tickets ORDER BY id').all(),
});

/** A refusal in the gateway's own shape: `{error, message, details?}`, no stack, no fastify default fields. */
function expectRefusal(res: { status: number; body: any }, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error, message: expect.any(String) });
  expect(Object.keys(res.body).filter((k) => !['error', 'message', 'details'].includes(k))).toEqual([]);
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: () => string;
  body?: unknown;
  headers?: Record<string, string>;
  as?: string;
  status: number;
  error: string;
}

const big = (n: number) => 'x'.repeat(n);
const post = (name: string, path: () => string, body: unknown, status: number, error: string, extra: Partial<Case> = {}): Case =>
  ({ name, method: 'POST', path, body, status, error, ...extra });
const get = (name: string, path: () => string, status: number, error: string, as?: string): Case =>
  ({ name, method: 'GET', path, status, error, ...(as ? { as } : {}) });

const report = () => reportPath('r101');
const action = (name: string) => () => `/api/tickets/${fixture.open}/${name}`;
const doneAction = (name: string) => () => `/api/tickets/${fixture.done}/${name}`;
const rating = () => `/api/track/${fixture.track}/rating`;
const task = { kind: 'task', category: 'cleaning', room: 'r101', description: 'Refill soap' };

const reportCases: Case[] = [
  post('a report with wrong types', report, { category: 5, description: ['sink'] }, 400, 'INVALID'),
  post('a report with an unknown field', report, { category: 'cleaning', description: 'Sink', admin: true }, 400, 'INVALID'),
  post('a report without a description', report, { category: 'cleaning' }, 400, 'INVALID'),
  post('a report with a blank description', report, { category: 'cleaning', description: '   ' }, 400, 'INVALID'),
  post('a report with a 100 kB description', report, { category: 'cleaning', description: big(100_000) }, 400, 'INVALID'),
  post('a report with a 201-character contact', report, { category: 'cleaning', description: 'Sink', contact: big(201) }, 400, 'INVALID'),
  post('a report with a 300 kB body', report, { category: 'cleaning', description: big(300_000) }, 413, 'FST_ERR_CTP_BODY_TOO_LARGE'),
  post('a report with invalid JSON', report, '{"category": "cleaning",', 400, 'FST_ERR_CTP_INVALID_JSON_BODY'),
  post('a report with a prototype-poisoning body', report, '{"__proto__": {"x": 1}, "category": "cleaning", "description": "Sink"}', 400, 'FST_ERR_CTP_INVALID_JSON_BODY'),
  post('a report with an empty JSON body', report, '', 400, 'INVALID'),
  post('a report that is a JSON array', report, [], 400, 'INVALID'),
  post('a report sent as a form', report, 'category=cleaning&description=Sink', 415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  post('a report sent as plain text', report, '{"category":"cleaning","description":"Sink"}', 400, 'INVALID', { headers: { 'content-type': 'text/plain' } }),
  post('a report in an unknown category', report, { category: 'plumbing', description: 'Sink' }, 400, 'UNKNOWN_CATEGORY'),
  post('a report without its QR code', () => '/api/rooms/r101/reports', { category: 'cleaning', description: 'Sink' }, 400, 'INVALID'),
  post('a report with the QR code given twice', () => `${report()}&k=${qr('r101')}`, { category: 'cleaning', description: 'Sink' }, 400, 'INVALID'),
  post('a report with an unknown query parameter', () => `${report()}&debug=1`, { category: 'cleaning', description: 'Sink' }, 400, 'INVALID'),
  post('a report for a room that does not exist', () => `/api/rooms/r999/reports?k=${qr('r101')}`, { category: 'cleaning', description: 'Sink' }, 404, 'NOT_FOUND'),
];

const loginCases: Case[] = [
  post('a login without a password', () => '/api/auth/login', { username: 'ana' }, 400, 'INVALID'),
  post('a login with a numeric password', () => '/api/auth/login', { username: 'ana', password: 12345 }, 400, 'INVALID'),
  post('a login with a malformed username', () => '/api/auth/login', { username: 'Ana!', password: 'x' }, 400, 'INVALID'),
  post('a login with an unknown field', () => '/api/auth/login', { username: 'ana', password: 'x', remember: true }, 400, 'INVALID'),
  post('a login with a 100 kB password', () => '/api/auth/login', { username: 'ana', password: big(100_000) }, 400, 'INVALID'),
  post('a login with an empty JSON body', () => '/api/auth/login', '', 400, 'INVALID'),
  post('a login with invalid JSON', () => '/api/auth/login', '{username: ana}', 400, 'FST_ERR_CTP_INVALID_JSON_BODY'),
  post('a panel login with letters in the PIN', () => '/api/auth/panel', { room: 'r101', pin: '12ab' }, 400, 'INVALID'),
];

const ticketCases: Case[] = [
  post('a new ticket of kind report', () => '/api/tickets', { ...task, kind: 'report' }, 400, 'INVALID', { as: 'sofia' }),
  post('a new ticket with an unknown priority', () => '/api/tickets', { ...task, priority: 'asap' }, 400, 'INVALID', { as: 'sofia' }),
  post('a new ticket that sets its own status', () => '/api/tickets', { ...task, status: 'done' }, 400, 'INVALID', { as: 'sofia' }),
  post('a new ticket without a room', () => '/api/tickets', { ...task, room: undefined }, 400, 'INVALID', { as: 'sofia' }),
  post('a new ticket with a 121-character title', () => '/api/tickets', { ...task, title: big(121) }, 400, 'INVALID', { as: 'sofia' }),
  post('a new ticket with a 100 kB description', () => '/api/tickets', { ...task, description: big(100_000) }, 400, 'INVALID', { as: 'sofia' }),
  post('a new ticket for an unknown user', () => '/api/tickets', { ...task, assignee: 'nobody' }, 400, 'UNKNOWN_USER', { as: 'sofia' }),
  post('a new ticket in a room that does not exist', () => '/api/tickets', { ...task, room: 'r999' }, 404, 'NOT_FOUND', { as: 'sofia' }),
  post('an assign without an assignee', action('assign'), {}, 400, 'INVALID', { as: 'sofia' }),
  post('an assign to a number', action('assign'), { assignee: 5 }, 400, 'INVALID', { as: 'sofia' }),
  post('an assign with an unknown field', action('assign'), { assignee: 'ana', due: 'now' }, 400, 'INVALID', { as: 'sofia' }),
  post('an assign with a 2001-character note', action('assign'), { assignee: 'ana', note: big(2001) }, 400, 'INVALID', { as: 'sofia' }),
  post('an assign to an unknown user', action('assign'), { assignee: 'nobody' }, 400, 'UNKNOWN_USER', { as: 'sofia' }),
  post('a reject without a reason', doneAction('reject'), {}, 400, 'INVALID', { as: 'sofia' }),
  post('a reject with a blank reason', doneAction('reject'), { reason: '  ' }, 400, 'INVALID', { as: 'sofia' }),
  post('a reject with a 201-character reason', doneAction('reject'), { reason: big(201) }, 400, 'INVALID', { as: 'sofia' }),
  post('a reject with a photo that is not an attachment id', doneAction('reject'), { reason: 'Not cleaned', photos: ['../etc/passwd'] }, 400, 'INVALID', { as: 'sofia' }),
  post('a reject with an unknown field', doneAction('reject'), { reason: 'Not cleaned', severity: 9 }, 400, 'INVALID', { as: 'sofia' }),
  post('a comment without text', action('comment'), {}, 400, 'INVALID', { as: 'sofia' }),
  post('a comment with a string for internal', action('comment'), { text: 'Hi', internal: 'yes' }, 400, 'INVALID', { as: 'sofia' }),
  post('a comment of 100 kB', action('comment'), { text: big(100_000) }, 400, 'INVALID', { as: 'sofia' }),
  post('a start with invalid JSON', action('start'), '{', 400, 'FST_ERR_CTP_INVALID_JSON_BODY', { as: 'sofia' }),
  post('a rating of 0', rating, { score: 0 }, 400, 'INVALID'),
  post('a rating of 6', rating, { score: 6 }, 400, 'INVALID'),
  post('a rating of 2.5', rating, { score: 2.5 }, 400, 'INVALID'),
  post('a rating given as a string', rating, { score: '5' }, 400, 'INVALID'),
  post('a rating with an unknown field', rating, { score: 5, name: 'Eve' }, 400, 'INVALID'),
  post('a rating with a 1001-character comment', rating, { score: 5, comment: big(1001) }, 400, 'INVALID'),
  post('a room status that does not exist', () => '/api/rooms/r101/status', { status: 'broken', reason: 'Leak' }, 400, 'INVALID', { as: 'hanna' }),
  post('a room status without a reason', () => '/api/rooms/r101/status', { status: 'do_not_use' }, 400, 'INVALID', { as: 'hanna' }),
  post('a room status with a 501-character reason', () => '/api/rooms/r101/status', { status: 'do_not_use', reason: big(501) }, 400, 'INVALID', { as: 'hanna' }),
  post('a room status for a room that does not exist', () => '/api/rooms/r999/status', { status: 'do_not_use', reason: 'Leak' }, 404, 'NOT_FOUND', { as: 'hanna' }),
];

const paramCases: Case[] = [
  get('a ticket id T-abc', () => '/api/tickets/T-abc', 400, 'INVALID', 'sofia'),
  get('an encoded ../etc ticket id', () => '/api/tickets/..%2Fetc%2Fpasswd', 400, 'INVALID', 'sofia'),
  get('a ../etc path (normalised to an unknown route)', () => '/api/tickets/../etc', 404, 'NOT_FOUND', 'sofia'),
  get('a ten-digit ticket id', () => '/api/tickets/T-1234567890', 400, 'INVALID', 'sofia'),
  get('a ticket that does not exist', () => '/api/tickets/T-999999', 404, 'NOT_FOUND', 'sofia'),
  get('an uppercase room id', () => '/api/rooms/R101', 400, 'INVALID', 'sofia'),
  get('a 150-character room id', () => `/api/rooms/${'a'.repeat(150)}`, 400, 'INVALID', 'sofia'),
  get('a room that does not exist', () => '/api/rooms/r999', 404, 'NOT_FOUND', 'sofia'),
  get('a short tracking token', () => '/api/track/short', 400, 'INVALID'),
  get('an encoded ../etc tracking token', () => '/api/track/..%2F..%2Fetc%2Fpasswd%2Fxxxxxxx', 400, 'INVALID'),
  get('an unknown tracking token', () => `/api/track/${'a'.repeat(30)}`, 404, 'NOT_FOUND'),
  get('a ticket limit that is not a number', () => '/api/tickets?limit=abc', 400, 'INVALID', 'sofia'),
  get('a ticket limit of 0', () => '/api/tickets?limit=0', 400, 'INVALID', 'sofia'),
  get('a ticket limit of 501', () => '/api/tickets?limit=501', 400, 'INVALID', 'sofia'),
  get('an unknown ticket status', () => '/api/tickets?status=open', 400, 'INVALID', 'sofia'),
  get('a ticket status given twice', () => '/api/tickets?status=new&status=done', 400, 'INVALID', 'sofia'),
  get('an unknown ticket query parameter', () => '/api/tickets?sort=desc', 400, 'INVALID', 'sofia'),
  get('a negative events cursor', () => '/api/events?after=-1', 400, 'INVALID', 'hanna'),
  get('an audit limit of 5000', () => '/api/audit?limit=5000', 400, 'INVALID', 'hanna'),
  get('an 81-character audit actor', () => `/api/audit?actor=${'a'.repeat(81)}`, 400, 'INVALID', 'hanna'),
  get('a room view with a malformed QR code', () => '/api/rooms/r101?k=short', 400, 'INVALID'),
  get('an unknown route', () => '/api/nope?x=1', 404, 'NOT_FOUND'),
];

describe.each([
  ['the report route and the sign-in routes', [...reportCases, ...loginCases]],
  ['the ticket, rating and room-status routes', ticketCases],
  ['params and query strings', paramCases],
])('bad input to %s', (_, cases) => {
  it.each(cases)('refuses $name with $status $error and writes nothing', async (c) => {
    const before = written();

    const res = await gw.call(c.method, c.path(), {
      ...(c.body === undefined ? {} : { body: c.body }), ...(c.as ? { cookie: cookies[c.as]! } : {}), ...(c.headers ? { headers: c.headers } : {}),
    });

    expectRefusal(res, c.status, c.error);
    expect(written()).toEqual(before);
  });
});

describe('answers outside the validators', () => {
  it('names the unknown route and method in a 404', async () => {
    const res = await gw.call('DELETE', '/api/tickets?all=1', { cookie: cookies.sofia! });

    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'NOT_FOUND', message: 'no route DELETE /api/tickets' });
  });

  it('refuses a 500-character ticket id and a malformed URL with a 4xx and writes nothing', async () => {
    const before = written();

    const long = await gw.call('POST', `/api/tickets/T-${'1'.repeat(498)}/start`, { cookie: cookies.sofia! });
    const malformed = await gw.call('POST', '/api/tickets/%zz/start', { cookie: cookies.sofia! });

    expect(long.status).toBe(414);
    expect(long.body).toEqual({ error: 'FST_ERR_MAX_PARAM_LENGTH', message: 'the URL is too long' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'FST_ERR_BAD_URL', message: 'the URL is not valid' });
    expect(written()).toEqual(before);
  });

  it('answers a storage failure with a 500 that has no stack and rolls the log back', async () => {
    const before = written();
    gw.store.db.pragma('query_only = ON'); // the disk turns read-only under the gateway

    const res = await gw.call('POST', report(), { body: { category: 'cleaning', description: 'Sink blocked' } });
    gw.store.db.pragma('query_only = OFF');

    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'INTERNAL', message: 'something went wrong on the gateway; the change was not made' });
    expect(written()).toEqual(before);
    expect(gw.store.log.verify()).toMatchObject({ ok: true, checked: before.head });
  });
});
