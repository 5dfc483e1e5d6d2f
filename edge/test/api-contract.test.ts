import { connectAsync } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let auditor: string;
beforeAll(async () => {
  gw = await startTestGateway();
  auditor = await gw.login('hanna');
});
afterAll(async () => { await gw.stop(); });

const report = (room: string, category = 'cleaning') => {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  return gw.call('POST', url.pathname + url.search, { body: { category, description: `Problem in ${room}` } });
};

/** The value of one Prometheus sample line, 0 when the series has no sample yet. */
async function scrape() {
  const res = await fetch(`${gw.http}/metrics`);
  const text = await res.text();
  const sample = (series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };
  return { res, text, sample };
}

const actions = ['assign', 'claim', 'transfer', 'start', 'complete', 'approve', 'reject', 'escalate', 'cancel', 'comment'];
const contract = [
  'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/panel',
  'GET /api/rooms', 'GET /api/rooms/{room}', 'POST /api/rooms/{room}/reports', 'POST /api/rooms/{room}/alternative',
  'GET /api/track/{token}', 'POST /api/track/{token}/rating',
  'GET /api/tickets', 'POST /api/tickets', 'GET /api/tickets/{id}', ...actions.map((a) => `POST /api/tickets/{id}/${a}`),
  'GET /api/events', 'GET /api/events/verify', 'GET /api/audit',
];

describe('the OpenAPI document', () => {
  let doc: any;
  beforeAll(async () => { doc = (await gw.call('GET', '/api/openapi.json')).body; });
  const bodyOf = (path: string) => doc.paths[path].post.requestBody.content['application/json'].schema;

  it('is OpenAPI 3 and lists every route of the contract', () => {
    const routes = Object.entries<Record<string, unknown>>(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)).sort();

    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Doorside gateway API');
    expect(routes).toEqual(expect.arrayContaining(contract));
    expect(routes.filter((r) => /health|metrics|openapi/.test(r))).toEqual([]);
    expect(routes).toMatchSnapshot();
  });

  it('describes request bodies: reject requires a reason and allows no other field', () => {
    const reject = bodyOf('/api/tickets/{id}/reject');

    expect(reject.required).toEqual(['reason']);
    expect(reject.additionalProperties).toBe(false);
    expect(Object.keys(reject.properties).sort()).toEqual(['checklistItem', 'notes', 'photos', 'reason']);
    expect(reject.properties.reason).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    expect(bodyOf('/api/tickets/{id}/assign').anyOf.map((m: { required: string[] }) => m.required)).toEqual([['assignee'], ['team']]);
    expect(bodyOf('/api/rooms/{room}/reports').required).toEqual(['category', 'description']);
    expect(bodyOf('/api/auth/login').required).toEqual(['username', 'password']);
    expect(doc.paths['/api/rooms/{room}/reports'].post.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'k', required: true }));
  });

  it('marks a body optional only where the action takes none', () => {
    const required = (path: string) => doc.paths[path].post.requestBody.required;

    expect(['start', 'claim', 'complete', 'approve'].map((a) => required(`/api/tickets/{id}/${a}`))).toEqual([false, false, false, false]);
    expect(['reject', 'assign', 'comment'].map((a) => required(`/api/tickets/{id}/${a}`))).toEqual([true, true, true]);
  });

  it('closes every JSON request body to unknown fields', () => {
    const open = Object.entries<any>(doc.paths)
      .filter(([, ops]) => ops.post?.requestBody?.content?.['application/json'])
      .filter(([path]) => {
        const body = bodyOf(path);
        const members = body.oneOf ?? body.anyOf ?? [body];
        return members.some((m: { additionalProperties?: boolean }) => m.additionalProperties !== false);
      })
      .map(([path]) => path);

    expect(open).toEqual([]);
  });
});

describe('health and metrics', () => {
  it('answers /health with 200 and status ok', async () => {
    const res = await gw.call('GET', '/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', site: 'demo', events: gw.store.log.head.seq });
  });

  it('serves Prometheus text whose numbers move after a report', async () => {
    const before = await scrape();

    const created = await report('r203');
    const after = await scrape();

    expect(created.status).toBe(201);
    expect(after.res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(after.text).toContain('# TYPE doorside_tickets gauge');
    expect(after.text).toContain('# TYPE doorside_mqtt_dropped_total counter');
    expect(after.sample('doorside_tickets{status="new",site="demo"}')).toBe(before.sample('doorside_tickets{status="new",site="demo"}') + 1);
    // ticket-opened, and the room turning service_due while the cleaning is open
    expect(after.sample('doorside_events_written_total{site="demo"}')).toBe(before.sample('doorside_events_written_total{site="demo"}') + 2);
    expect(after.sample('doorside_event_log_head{site="demo"}')).toBe(gw.store.log.head.seq);
  });

  it('counts connected MQTT clients and refused connections', async () => {
    const before = await scrape();

    await gw.device('sign-r301');
    await expect(connectAsync(gw.mqtt, { username: 'sign-r302', password: 'wrong-password', clientId: 'intruder', reconnectPeriod: 0 })).rejects.toThrow();
    const after = await scrape();

    expect(after.sample('doorside_mqtt_clients{site="demo"}')).toBe(before.sample('doorside_mqtt_clients{site="demo"}') + 1);
    expect(after.sample('doorside_mqtt_dropped_total{reason="bad-credentials",site="demo"}')).toBe(1);
  });
});

describe('the event log over HTTP', () => {
  it('pages GET /api/events in order, each event linked to the one before by its hash', async () => {
    await report('r204');
    const events: { seq: number; prevHash: string; hash: string }[] = [];
    const sizes: number[] = [];

    for (let after = 0; ;) {
      const page = await gw.call('GET', `/api/events?after=${after}&limit=40`, { cookie: auditor });
      expect(page.body.head).toBe(gw.store.log.head.seq);
      if (page.body.events.length === 0) break;
      sizes.push(page.body.events.length);
      events.push(...page.body.events);
      after = page.body.events.at(-1).seq;
    }

    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: gw.store.log.head.seq }, (_, i) => i + 1));
    expect(sizes.slice(0, -1).every((n) => n === 40)).toBe(true);
    expect(events[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
    expect(events.at(-1)!.hash).toBe(gw.store.log.head.hash);
  });

  it("returns only one room's room and ticket events from GET /api/audit?room=", async () => {
    const here = (await report('r101')).body.ticket.id as string;
    const elsewhere = (await report('r102')).body.ticket.id as string;

    const res = await gw.call('GET', '/api/audit?room=r101', { cookie: auditor });

    const events = res.body.events as { seq: number; type: string; entity: string; state: { room?: string } }[];
    expect(res.status).toBe(200);
    expect(events.every((e) => e.entity === 'room:r101' || e.state.room === 'r101')).toBe(true);
    expect(events.map((e) => `${e.type} ${e.entity}`)).toEqual(expect.arrayContaining([
      `ticket-opened ticket:${here}`, 'room-status-changed room:r101', 'room-created room:r101',
    ]));
    expect(events.some((e) => e.entity === `ticket:${elsewhere}` || e.entity === 'room:r102')).toBe(false);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => b - a));
  });

  it("returns only one person's events from GET /api/audit?actor=user:ana", async () => {
    const ana = await gw.login('ana');
    const task = await gw.call('POST', '/api/tickets', { cookie: ana, body: { kind: 'task', category: 'supplies', room: 'r305', description: 'Restock cups' } });

    const res = await gw.call('GET', '/api/audit?actor=user:ana', { cookie: auditor });

    const events = res.body.events as { actor: string; type: string; entity: string }[];
    expect(events.map((e) => e.actor)).toEqual(events.map(() => 'user:ana'));
    expect(events.map((e) => `${e.type} ${e.entity}`)).toEqual(['ticket-opened ticket:' + task.body.id, 'session-opened user:ana']);
  });
});
