import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const reportPath = (room: string) => {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  return url.pathname + url.search;
};

/** An occupant's report that staff assigned, started and completed: it waits for a check. */
async function finishedReport(room: string, category: string, supervisor: string, worker: string) {
  const report = await gw.call('POST', reportPath(room), { body: { category, description: `Problem with ${category}` } });
  expect(report.status).toBe(201);
  const id = report.body.ticket.id as string;
  const [boss, staff] = [await gw.login(supervisor), await gw.login(worker)];
  expect((await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: boss, body: { assignee: worker } })).status).toBe(200);
  expect((await gw.call('POST', `/api/tickets/${id}/start`, { cookie: staff })).status).toBe(200);
  expect((await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: staff })).status).toBe(200);
  return { id, token: report.body.trackToken as string };
}

const dispute = (token: string, body: unknown) => gw.call('POST', `/api/track/${token}/dispute`, { body });
const auditOf = async (id: string) =>
  (await gw.call('GET', `/api/audit?ticket=${id}`, { cookie: await gw.login('hanna') })).body.events as { type: string; actor: string; state: any }[];
const photoFiles = () => readdirSync(join(gw.dir, 'attachments'));

describe('"not resolved" from the tracking link', () => {
  it('rejects a finished cleaning job under the cleaning policy: back to the cleaner, urgent follow-up, room in recovery', async () => {
    const { id, token } = await finishedReport('r101', 'cleaning', 'sofia', 'ana');
    expect((await gw.call('GET', `/api/track/${token}`)).body).toMatchObject({ phase: 'done', mayDispute: true, mayRate: true, disputeFreeText: true });

    const res = await dispute(token, { reason: 'Still sticky under the table', notes: 'Left side' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ticket: id, status: 'rejected', phase: 'rejected', mayDispute: false, rejection: { reason: 'Still sticky under the table', byOccupant: true } });
    const ticket = gw.store.tickets.get(id)!;
    expect(ticket).toMatchObject({ status: 'rejected', assignee: 'ana' });
    expect(ticket.rejections.at(-1)).toMatchObject({ by: 'occupant', reason: 'Still sticky under the table', notes: 'Left side', route: 'returned', roomStatus: 'pending_recovery' });
    const followUp = gw.store.tickets.get(ticket.rejections.at(-1)!.followUp!)!;
    expect(followUp).toMatchObject({ kind: 'task', priority: 'urgent', parent: id, room: 'r101' });
    expect(gw.store.rooms.get('r101')).toMatchObject({ status: 'pending_recovery', reason: 'Still sticky under the table', ticket: id });
    expect((await auditOf(id))[0]).toMatchObject({ type: 'ticket-rejected', actor: 'occupant' });
  });

  it('escalates a finished maintenance job and closes the room, as a supervisor\'s rejection would', async () => {
    const { id, token } = await finishedReport('r102', 'maintenance', 'marco', 'dirk');

    const res = await dispute(token, { reason: 'Safety hazard remains' });

    expect(res.status).toBe(200);
    expect(gw.store.tickets.get(id)).toMatchObject({ status: 'escalated', assignee: 'marco' });
    expect(gw.store.rooms.get('r102')).toMatchObject({ status: 'do_not_use', reason: 'Safety hazard remains', ticket: id });
    const notified = gw.store.log.search({ type: 'team-notified', limit: 50 }).filter((e) => (e.state as { ticket: string }).ticket === id);
    expect(notified.map((e) => `${e.entity} by ${e.actor}`).sort()).toEqual(['team:facility by occupant', 'team:security by occupant']);
  });

  it('refuses with 403 where the category keeps the judgement with staff, and writes nothing', async () => {
    const { id, token } = await finishedReport('r103', 'security', 'marco', 'femi');
    const head = gw.store.log.head.seq;
    const photosBefore = photoFiles().length;
    const form = new FormData();
    form.append('reason', 'Door still not locking');
    form.append('photos', new Blob([await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).jpeg().toBuffer()], { type: 'image/jpeg' }), 'door.jpg');

    const json = await dispute(token, { reason: 'Door still not locking' });
    const multipart = await fetch(`${gw.http}/api/track/${token}/dispute`, { method: 'POST', body: form });

    expect(json.status).toBe(403);
    expect(json.body).toMatchObject({ error: 'DISPUTE_NOT_ALLOWED', details: { category: 'security' } });
    expect(json.body.message).toMatch(/ask reception/);
    expect(multipart.status).toBe(403);
    expect(gw.store.log.head.seq).toBe(head);
    expect(gw.store.tickets.get(id)!.status).toBe('done');
    expect(photoFiles().length).toBe(photosBefore);
    expect((await gw.call('GET', `/api/track/${token}`)).body).toMatchObject({ mayDispute: false, disputeReasons: [] });
  });

  it('refuses with 409 before the job is done, and writes nothing', async () => {
    const report = await gw.call('POST', reportPath('r104'), { body: { category: 'cleaning', description: 'Mirror smeared' } });
    const head = gw.store.log.head.seq;

    const res = await dispute(report.body.trackToken, { reason: 'Not cleaned' });

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'NOT_DISPUTABLE_NOW', details: { status: 'new' } });
    expect(gw.store.log.head.seq).toBe(head);
  });

  it('takes one photo as multipart, re-encoded without EXIF, and names it in the rejection', async () => {
    const { id, token } = await finishedReport('r105', 'cleaning', 'sofia', 'ben');
    const withGps = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#c44' } }).jpeg()
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 3000/100' } }).toBuffer();
    const form = new FormData();
    form.append('reason', 'Waste not removed');
    form.append('photos', new Blob([withGps], { type: 'image/jpeg' }), 'bin.jpg');

    const res = await fetch(`${gw.http}/api/track/${token}/dispute`, { method: 'POST', body: form });

    expect(res.status).toBe(200);
    const rejection = gw.store.tickets.get(id)!.rejections.at(-1)!;
    expect(rejection.photos).toHaveLength(1);
    const file = join(gw.dir, 'attachments', `${rejection.photos[0]}.jpg`);
    expect(existsSync(file)).toBe(true);
    const stored = await sharp(file).metadata();
    expect(stored.exif).toBeUndefined();
    expect(Math.max(stored.width!, stored.height!)).toBeLessThanOrEqual(2048);
    expect(JSON.stringify(await res.json())).not.toContain(rejection.photos[0]);
  });

  it('refuses two photos with 400 and an unknown link with 404', async () => {
    const { token } = await finishedReport('r201', 'av', 'sofia', 'chen');
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#333' } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('reason', 'Equipment not working');
    for (const name of ['a.jpg', 'b.jpg']) form.append('photos', new Blob([jpeg], { type: 'image/jpeg' }), name);

    const two = await fetch(`${gw.http}/api/track/${token}/dispute`, { method: 'POST', body: form });
    const unknown = await dispute('u'.repeat(24), { reason: 'Not cleaned' });

    expect(two.status).toBe(400);
    expect((await two.json()).error).toBe('ONE_PHOTO_ONLY');
    expect(unknown.status).toBe(404);
  });
});

describe('rating through the tracking link', () => {
  it('is offered only once the job is done, and only once', async () => {
    const early = await gw.call('POST', reportPath('r202'), { body: { category: 'supplies', description: 'No soap' } });
    const { token } = await finishedReport('r203', 'supplies', 'marco', 'eva');

    const before = (await gw.call('GET', `/api/track/${early.body.trackToken}`)).body;
    const refused = await gw.call('POST', `/api/track/${early.body.trackToken}/rating`, { body: { score: 5 } });
    const rated = await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 5, comment: 'Fast' } });

    expect(before).toMatchObject({ phase: 'reported', mayRate: false, mayDispute: false });
    expect(refused.status).toBe(409);
    expect(rated.body).toMatchObject({ mayRate: false, rating: { score: 5, comment: 'Fast' } });
  });
});
