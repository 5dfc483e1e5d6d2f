import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../store/hash-chain.ts';
import { inbox } from '../test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';

let gw: TestGateway;
let key: string;
let head: string;
beforeAll(async () => {
  gw = await startTestGateway();
  key = gw.creds.bridge!.key;
  head = await gw.login('hanna');
});
afterAll(async () => { await gw.stop(); });

const asAgent = (method: string, path: string, body?: unknown, bearer = key) =>
  gw.call(method, path, { ...(body === undefined ? {} : { body }), headers: { authorization: `Bearer ${bearer}` } });
const command = (fields: Record<string, unknown>) => ({ id: randomUUID(), by: 'hq-ops', ...fields });
const bridgeRows = () => (gw.store.db.prepare('SELECT count(*) AS n FROM bridge_commands').get() as { n: number }).n;
const status = (overrides: Record<string, unknown> = {}) => ({
  lastSyncAt: '2030-01-01T10:00:00.000Z', lastAttemptAt: '2030-01-01T10:00:01.000Z', centralCursor: 5, gatewayHead: 9,
  lagEvents: 4, lagSeconds: 3, linkUp: true, lastError: null, ...overrides,
});

async function workOrderFor(vendor: string) {
  const res = await gw.call('POST', '/api/tickets', {
    cookie: head, body: { kind: 'work_order', category: 'maintenance', room: 'r203', description: 'Lift service', assignee: vendor },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('the bridge key', () => {
  it('is handed over in the demo credentials and kept only as a digest', () => {
    const stored = gw.store.db.prepare("SELECT value FROM meta WHERE key = 'bridge:key'").get() as { value: string };

    expect(key).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(stored.value).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.value).not.toContain(key);
  });

  it.each([
    ['GET', '/api/bridge/events'],
    ['GET', '/api/bridge/status'],
    ['POST', '/api/bridge/commands'],
    ['PUT', '/api/bridge/status'],
    ['GET', '/api/bridge/files/A-12345678'],
  ])('refuses %s %s without a key, with a wrong key and with a session instead', async (method, path) => {
    const body = method === 'GET' ? undefined : {};
    const answers = [
      await gw.call(method, path, body === undefined ? {} : { body }),
      await asAgent(method, path, body, 'x'.repeat(43)),
      await gw.call(method, path, { cookie: head, ...(body === undefined ? {} : { body }) }),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(answers[1]!.body).toMatchObject({ error: 'BAD_BRIDGE_KEY' });
  });

  it('applies nothing sent with a wrong key, however valid the command', async () => {
    const before = gw.store.log.head.seq;

    const res = await asAgent('POST', '/api/bridge/commands', command({ type: 'set-room-status', room: 'r105', status: 'do_not_use' }), 'y'.repeat(43));

    expect(res.status).toBe(401);
    expect(gw.store.log.head.seq).toBe(before);
    expect(gw.store.rooms.get('r105')!.status).toBe('available');
  });
});

describe('GET /api/bridge/events', () => {
  it('serves each event with its state as the exact stored text, so its hash can be recomputed', async () => {
    const res = await asAgent('GET', '/api/bridge/events?after=0&limit=50');

    expect(res.status).toBe(200);
    expect(res.body.events).toHaveLength(50);
    let prev = '0'.repeat(64);
    for (const e of res.body.events) {
      expect(typeof e.state).toBe('string');
      expect(e.prevHash).toBe(prev);
      expect(eventHash(prev, { seq: e.seq, site: 'demo', at: e.at, actor: e.actor, type: e.type, entity: e.entity, state: e.state })).toBe(e.hash);
      prev = e.hash;
    }
    expect(res.body.head).toEqual(gw.store.log.head);
  });

  it('pages after a seq', async () => {
    const res = await asAgent('GET', '/api/bridge/events?after=10&limit=3');

    expect(res.body.events.map((e: { seq: number }) => e.seq)).toEqual([11, 12, 13]);
  });

  it.each(['after=-1', 'after=abc', 'limit=0', 'limit=5001', 'since=3'])('refuses the query %s with 400', async (query) => {
    const res = await asAgent('GET', `/api/bridge/events?${query}`);

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('INVALID');
  });
});

describe('POST /api/bridge/commands', () => {
  it.each([
    ['an unknown type', { type: 'demolish', room: 'r101' }],
    ['an extra field', { type: 'set-room-status', room: 'r101', status: 'do_not_use', colour: 'red' }],
    ['a status head office may not set', { type: 'set-room-status', room: 'r101', status: 'in_service' }],
    ['a malformed ticket id', { type: 'reassign', ticket: '1001', assignee: 'dirk' }],
  ])('refuses %s with 400 and writes nothing', async (_what, fields) => {
    const before = { head: gw.store.log.head.seq, rows: bridgeRows() };

    const res = await asAgent('POST', '/api/bridge/commands', command(fields));

    expect(res.status).toBe(400);
    expect({ head: gw.store.log.head.seq, rows: bridgeRows() }).toEqual(before);
  });

  it('refuses a command without an id, or with an id that is not a UUID', async () => {
    const answers = [
      await asAgent('POST', '/api/bridge/commands', { type: 'set-room-status', by: 'hq', room: 'r101', status: 'do_not_use' }),
      await asAgent('POST', '/api/bridge/commands', { id: 'c-1', type: 'set-room-status', by: 'hq', room: 'r101', status: 'do_not_use' }),
      await asAgent('POST', '/api/bridge/commands', 'not json'),
    ];

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(gw.store.rooms.get('r101')!.status).toBe('available');
  });

  it('sets a room status as head office, tells the sign after the commit, and answers with the event', async () => {
    const sign = await gw.device('sign-r104');
    const signInbox = inbox(sign);
    await sign.subscribeAsync('doorside/demo/rooms/r104/status', { qos: 1 });
    const sent = command({ type: 'set-room-status', room: 'r104', status: 'do_not_use', reason: 'Water damage reported to head office' });

    const res = await asAgent('POST', '/api/bridge/commands', sent);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ outcome: 'applied', seq: gw.store.log.head.seq });
    const event = gw.store.log.after(res.body.seq - 1, 1)[0]!;
    expect(event).toMatchObject({ actor: 'central:hq-ops', type: 'room-status-changed', entity: 'room:r104' });
    const message = await signInbox.next((m) => JSON.parse(m.payload).status === 'do_not_use');
    expect(JSON.parse(message.payload)).toMatchObject({ status: 'do_not_use', reason: 'Water damage reported to head office' });
  });

  it('answers a re-sent command with the recorded outcome and changes nothing', async () => {
    const sent = command({ type: 'set-room-status', room: 'r302', status: 'do_not_use' });
    const first = await asAgent('POST', '/api/bridge/commands', sent);
    const before = { head: gw.store.log.head.seq, rows: bridgeRows(), room: gw.store.rooms.get('r302') };

    const again = await asAgent('POST', '/api/bridge/commands', { ...sent, status: 'available' });

    expect(again.body).toEqual(first.body);
    expect({ head: gw.store.log.head.seq, rows: bridgeRows(), room: gw.store.rooms.get('r302') }).toEqual(before);
  });

  it('records a refusal by the rules and answers it again without trying once more', async () => {
    const created = await gw.call('POST', '/api/tickets', { cookie: head, body: { kind: 'task', category: 'cleaning', room: 'r201', description: 'Windows' } });
    await gw.call('POST', `/api/tickets/${created.body.id}/cancel`, { cookie: head, body: { reason: 'Done by the tenant' } });
    const sent = command({ type: 'reassign', ticket: created.body.id, assignee: 'ana' });

    const first = await asAgent('POST', '/api/bridge/commands', sent);
    const headAfter = gw.store.log.head.seq;
    const again = await asAgent('POST', '/api/bridge/commands', sent);

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ outcome: 'refused', reason: 'ILLEGAL_TRANSITION: cannot assign a ticket that is cancelled' });
    expect(again.body).toEqual(first.body);
    expect(gw.store.log.head.seq).toBe(headAfter);
  });

  it('refuses a ticket or a room the site does not have', async () => {
    const answers = await Promise.all([
      asAgent('POST', '/api/bridge/commands', command({ type: 'reassign', ticket: 'T-999999', assignee: 'dirk' })),
      asAgent('POST', '/api/bridge/commands', command({ type: 'set-room-status', room: 'r999', status: 'available' })),
    ]);

    expect(answers.map((a) => a.body)).toEqual([
      { outcome: 'refused', reason: 'NOT_FOUND: ticket T-999999 does not exist' },
      { outcome: 'refused', reason: 'NOT_FOUND: room r999 does not exist' },
    ]);
  });

  it('reassigns through the assign rules, with head office named in the history', async () => {
    const created = await gw.call('POST', '/api/tickets', { cookie: head, body: { kind: 'task', category: 'maintenance', room: 'r202', description: 'Door hinge' } });

    const res = await asAgent('POST', '/api/bridge/commands', command({ type: 'reassign', ticket: created.body.id, assignee: 'dirk' }));
    const refused = await asAgent('POST', '/api/bridge/commands', command({ type: 'reassign', ticket: created.body.id, assignee: 'ana' }));

    expect(res.body.outcome).toBe('applied');
    expect(gw.store.tickets.get(created.body.id)).toMatchObject({ status: 'assigned', assignee: 'dirk' });
    expect(gw.store.tickets.get(created.body.id)!.history.at(-1)).toMatchObject({ actor: 'central:hq-ops', action: 'assign' });
    expect(refused.body).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^ASSIGNEE_NOT_ELIGIBLE: /) });
  });

  it('lets a vendor accept their work order, and only their own', async () => {
    const order = await workOrderFor('liftco');

    const accepted = await asAgent('POST', '/api/bridge/commands', command({ type: 'vendor-accepted', ticket: order, vendor: 'liftco', note: 'Tuesday 9:00' }));
    const twice = await asAgent('POST', '/api/bridge/commands', command({ type: 'vendor-accepted', ticket: order, vendor: 'liftco' }));
    const stranger = await asAgent('POST', '/api/bridge/commands', command({ type: 'vendor-accepted', ticket: order, vendor: 'dirk' }));

    expect(accepted.body.outcome).toBe('applied');
    expect(gw.store.tickets.get(order)!.history.at(-1)).toMatchObject({ action: 'accept', status: 'assigned', assignee: 'liftco', note: 'Tuesday 9:00' });
    expect(twice.body).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^ALREADY_ACCEPTED: /) });
    expect(stranger.body).toEqual({ outcome: 'refused', reason: 'UNKNOWN_VENDOR: there is no vendor dirk on this site' });
  });

  it('changes a category rejection policy and records it as an event', async () => {
    const res = await asAgent('POST', '/api/bridge/commands', command({ type: 'set-rejection-policy', category: 'av', policy: { followUp: true, notify: ['facility'] } }));
    const bad = await asAgent('POST', '/api/bridge/commands', command({ type: 'set-rejection-policy', category: 'av', policy: { route: 'shred' } }));

    expect(res.body.outcome).toBe('applied');
    expect(gw.store.directory.category('av')!.rejection).toMatchObject({ followUp: true, notify: ['facility'] });
    expect(gw.store.log.after(res.body.seq - 1, 1)[0]).toMatchObject({ type: 'category-policy-changed', entity: 'category:av', actor: 'central:hq-ops' });
    expect(bad.body).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^INVALID_POLICY: /) });
    expect(gw.store.directory.category('av')!.rejection).toMatchObject({ followUp: true, notify: ['facility'] });
  });
});

describe('sync status', () => {
  it('says the bridge is not configured before any agent has reported', async () => {
    const fresh = await startTestGateway();
    try {
      const res = await fresh.call('GET', '/api/sync/status', { cookie: await fresh.login('hanna') });

      expect(res.body).toEqual({ configured: false, status: null, lastReportAt: null, agentAlive: false });
    } finally {
      await fresh.stop();
    }
  });

  it('refuses a malformed report with 400 and keeps the last one', async () => {
    await asAgent('PUT', '/api/bridge/status', status());

    const answers = [
      await asAgent('PUT', '/api/bridge/status', status({ lagEvents: -1 })),
      await asAgent('PUT', '/api/bridge/status', status({ mood: 'fine' })),
    ];

    expect(answers.map((a) => a.status)).toEqual([400, 400]);
    expect((await asAgent('GET', '/api/bridge/status')).body).toEqual({ status: status() });
  });

  it('shows the dashboard the report with the lag as it is now', async () => {
    const cursor = gw.store.log.head.seq - 7;
    await asAgent('PUT', '/api/bridge/status', status({ centralCursor: cursor, lagEvents: 0, lagSeconds: 0 }));

    const res = await gw.call('GET', '/api/sync/status', { cookie: head });

    expect(res.status).toBe(200);
    expect(res.body.configured).toBe(true);
    expect(res.body.status).toMatchObject({ centralCursor: cursor, gatewayHead: gw.store.log.head.seq, lagEvents: 7, linkUp: true });
    expect(res.body.status.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('is for those who may read the audit trail', async () => {
    const answers = [
      await gw.call('GET', '/api/sync/status'),
      await gw.call('GET', '/api/sync/status', { cookie: await gw.login('ana') }),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 403]);
  });

  it('puts lag, last success and link state into /metrics', async () => {
    const cursor = gw.store.log.head.seq - 3;
    await asAgent('PUT', '/api/bridge/status', status({ centralCursor: cursor, linkUp: false, lastSyncAt: '2030-01-01T10:00:00.000Z' }));

    const text = await (await fetch(`${gw.http}/metrics`)).text();
    const sample = (name: string) => Number(text.split('\n').find((l) => l.startsWith(`${name}{`))?.split(' ').at(-1));

    expect(sample('doorside_sync_lag_events')).toBe(3);
    expect(sample('doorside_sync_link_up')).toBe(0);
    expect(sample('doorside_sync_last_success_timestamp_seconds')).toBe(Date.parse('2030-01-01T10:00:00.000Z') / 1000);
    expect(sample('doorside_sync_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});

describe('GET /api/bridge/files/{id}', () => {
  it('hands over a work order\'s file with its type, name and SHA-256, and nothing that is not on a work order', async () => {
    const ticket = await gw.call('POST', '/api/tickets', { cookie: head, body: { kind: 'task', category: 'maintenance', room: 'r203', description: 'Door scrapes' } });
    expect(ticket.status).toBe(201);
    const form = new FormData();
    form.append('photos', new Blob([new Uint8Array(await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a3' } }).jpeg().toBuffer())], { type: 'image/jpeg' }), 'door.jpg');
    expect((await fetch(`${gw.http}/api/tickets/${ticket.body.id}/attachments`, { method: 'POST', headers: { cookie: head }, body: form })).status).toBe(201);
    const photo = (await gw.call('GET', `/api/tickets/${ticket.body.id}`, { cookie: head })).body.attachments[0].id as string;

    const beforeOrder = await asAgent('GET', `/api/bridge/files/${photo}`);
    const vendor = (await gw.call('POST', '/api/vendors', { cookie: head, body: { name: 'Glass AS', trade: 'glazing', email: 'g@glass.example', contacts: [{ name: 'Desk', email: 'd@glass.example' }] } })).body;
    expect((await gw.call('POST', `/api/tickets/${ticket.body.id}/work-orders`, { cookie: head, body: { vendor: vendor.id } })).status).toBe(201);
    const file = await asAgent('GET', `/api/bridge/files/${photo}`);
    const madeUp = await asAgent('GET', '/api/bridge/files/A-madeup12345');

    expect(beforeOrder.status).toBe(404);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ id: photo, name: 'door.jpg', type: 'image/jpeg' });
    expect(createHash('sha256').update(Buffer.from(file.body.data, 'base64')).digest('hex')).toBe(file.body.sha256);
    expect(madeUp.status).toBe(404);
  });
});
