import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let limited: TestGateway;
beforeAll(async () => {
  [gw, limited] = await Promise.all([
    startTestGateway(),
    startTestGateway({ reportLimits: { perBrowser: { max: 2, windowMs: 60_000 }, perQrCode: { max: 3, windowMs: 60_000 } } }),
  ]);
});
afterAll(async () => { await Promise.all([gw.stop(), limited.stop()]); });

const qr = (g: TestGateway, room: string) => new URL(g.creds.rooms.find((r) => r.id === room)!.reportApi).searchParams.get('k')!;
const reportPath = (g: TestGateway, room: string) => {
  const url = new URL(g.creds.rooms.find((r) => r.id === room)!.reportApi);
  return url.pathname + url.search;
};
const report = (g: TestGateway, room: string, cookie?: string, description = 'Paper towels are empty') =>
  g.call('POST', reportPath(g, room), { body: { category: 'cleaning', description }, ...(cookie ? { cookie } : {}) });

/** A report in the room that ana has assigned, started and completed: done, and rateable. */
async function finishedJob(room: string) {
  const created = await report(gw, room);
  const id = created.body.ticket.id as string;
  const [boss, ana] = [await gw.login('sofia'), await gw.login('ana')];
  await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: boss, body: { assignee: 'ana' } });
  await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
  await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana });
  expect(gw.store.tickets.get(id)!.status).toBe('done');
  return { id, token: created.body.trackToken as string };
}

describe('an occupant reporting through the room QR code', () => {
  it('accepts a report via the reportUrl with 201, the ticket and a tracking token', async () => {
    const res = await gw.call('POST', reportPath(gw, 'r101'), { body: { category: 'cleaning', description: 'Coffee spilled', contact: 'kim@example.com' } });

    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatchObject({
      kind: 'report', room: 'r101', category: 'cleaning', status: 'new', assignee: null, description: 'Coffee spilled',
      reporter: { kind: 'occupant', id: null, contact: 'kim@example.com' },
    });
    expect(res.body.trackToken).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(gw.store.tickets.get(res.body.ticket.id)!.status).toBe('new');
    expect(res.headers.getSetCookie()[0]).toMatch(/^ds_browser=[A-Za-z0-9_-]+; Max-Age=31536000; Path=\/api\/rooms; HttpOnly; SameSite=Lax$/);
  });

  it('refuses a wrong QR code with 403 BAD_QR_CODE and writes nothing', async () => {
    const head = gw.store.log.head.seq;

    const res = await gw.call('POST', `/api/rooms/r101/reports?k=${'A'.repeat(22)}`, { body: { category: 'cleaning', description: 'Sink' } });

    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'BAD_QR_CODE', message: 'this code does not belong to this room; ask reception' });
    expect(gw.store.log.head.seq).toBe(head);
  });

  it('refuses the QR code of another room with 403', async () => {
    const head = gw.store.log.head.seq;

    const res = await gw.call('POST', `/api/rooms/r103/reports?k=${qr(gw, 'r102')}`, { body: { category: 'cleaning', description: 'Sink' } });

    expect(res.status).toBe(403);
    expect(res.body.error).toBe('BAD_QR_CODE');
    expect(gw.store.log.head.seq).toBe(head);
  });

  it("shows the room's status to a QR holder without sign-in, but not its tickets", async () => {
    const created = await report(gw, 'r104');

    const withCode = await gw.call('GET', `/api/rooms/r104?k=${qr(gw, 'r104')}`);
    const withoutCode = await gw.call('GET', '/api/rooms/r104');
    const otherRoomsCode = await gw.call('GET', `/api/rooms/r104?k=${qr(gw, 'r105')}`);
    const staff = await gw.call('GET', '/api/rooms/r104', { cookie: await gw.login('ben') });

    expect(withCode.status).toBe(200);
    expect(withCode.body).toMatchObject({ id: 'r104', name: 'Restroom 1', status: 'service_due', openTickets: [] });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body).toEqual({ error: 'SIGN_IN_REQUIRED', message: 'sign in, or open this room from its QR code' });
    expect([otherRoomsCode.status, otherRoomsCode.body.error]).toEqual([403, 'BAD_QR_CODE']);
    expect(staff.body.openTickets.map((t: { id: string }) => t.id)).toEqual([created.body.ticket.id]);
  });
});

describe('the tracking link', () => {
  it('shows progress without internal notes or the names of the people involved', async () => {
    const created = await report(gw, 'r105');
    const boss = await gw.login('sofia');
    await gw.call('POST', `/api/tickets/${created.body.ticket.id}/assign`, { cookie: boss, body: { assignee: 'ana', note: 'Ana has the key' } });
    await gw.call('POST', `/api/tickets/${created.body.ticket.id}/comment`, { cookie: boss, body: { text: 'Master key is in drawer 3' } });

    const res = await gw.call('GET', `/api/track/${created.body.trackToken}`);

    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([
      'category', 'createdAt', 'disputeFreeText', 'disputeReasons', 'history', 'mayDispute', 'mayRate', 'phase', 'rating', 'rejection', 'replies', 'room', 'status', 'ticket', 'updatedAt',
    ]);
    expect(res.body).toMatchObject({ ticket: created.body.ticket.id, room: { id: 'r105', name: 'Kitchen 1' }, status: 'assigned', rating: null });
    expect(res.body.replies).toEqual([]);
    expect(res.body.history.map((h: { status: string }) => h.status).slice(0, 2)).toEqual(['new', 'assigned']);
    for (const h of res.body.history) expect(Object.keys(h).sort()).toEqual(['at', 'status']);
    const text = JSON.stringify(res.body);
    for (const secret of ['"ana"', 'Ana', 'sofia', 'drawer', 'key']) expect(text).not.toContain(secret);
  });

  it('takes one rating from 1 to 5, and only once the job is done', async () => {
    const early = await report(gw, 'r201');
    const { id, token } = await finishedJob('r202');

    const notYet = await gw.call('POST', `/api/track/${early.body.trackToken}/rating`, { body: { score: 5 } });
    const outOfRange = await Promise.all([0, 6, 3.5].map((score) => gw.call('POST', `/api/track/${token}/rating`, { body: { score } })));
    const first = await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 4, comment: 'Quick and tidy' } });
    const second = await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 1 } });

    expect(notYet.status).toBe(409);
    expect(notYet.body).toEqual({ error: 'NOT_YET_RATEABLE', message: 'the job can be rated once it is done (it is new)', details: { status: 'new' } });
    expect(outOfRange.map((r) => `${r.status} ${r.body.error}`)).toEqual(['400 INVALID', '400 INVALID', '400 INVALID']);
    expect(first.status).toBe(200);
    expect(first.body.rating).toEqual({ score: 4, comment: 'Quick and tidy' });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('ALREADY_RATED');
    expect((await gw.call('GET', `/api/track/${token}`)).body.rating).toEqual({ score: 4, comment: 'Quick and tidy' });
    expect(gw.store.log.search({ entity: `ticket:${id}`, type: 'ticket-rated', limit: 5 }).map((e) => e.state)).toEqual([
      { ticket: id, room: 'r202', score: 4, comment: 'Quick and tidy' },
    ]);
  });

  it('takes a rating once a supervisor has verified the job', async () => {
    const { id, token } = await finishedJob('r203');
    await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: await gw.login('sofia') });

    const res = await gw.call('POST', `/api/track/${token}/rating`, { body: { score: 5 } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'verified', rating: { score: 5, comment: null } });
  });

  it('answers an unknown tracking token with 404', async () => {
    const unknown = 'x'.repeat(24);

    const view = await gw.call('GET', `/api/track/${unknown}`);
    const rating = await gw.call('POST', `/api/track/${unknown}/rating`, { body: { score: 5 } });

    expect(view.status).toBe(404);
    expect(view.body.error).toBe('NOT_FOUND');
    expect(rating.status).toBe(404);
  });
});

describe('report rate limits (at most 2 per browser, 3 per QR code, per minute)', () => {
  it('refuses a browser that keeps reporting with 429 RATE_LIMITED and when to retry', async () => {
    const page = await limited.call('GET', `/api/rooms/r102${new URL(limited.creds.rooms.find((r) => r.id === 'r102')!.reportApi).search}`);
    const browser = page.headers.getSetCookie()[0]!.split(';')[0]!;
    const first = await report(limited, 'r102', browser);
    const second = await report(limited, 'r102', browser);

    const third = await report(limited, 'r102', browser);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(third.status).toBe(429);
    expect(third.body.error).toBe('RATE_LIMITED');
    expect(third.body.message).toMatch(/^too many reports from this browser; try again in \d+ s$/);
    expect(third.body.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(third.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(third.headers.get('retry-after')).toBe(String(third.body.details.retryAfterSeconds));
  });

  it('limits a browser by its cookie, so another browser on the same address still gets through', async () => {
    const a = 'ds_browser=browser-a';
    const statuses = [(await report(limited, 'r103', a)).status, (await report(limited, 'r103', a)).status];
    const head = limited.store.log.head.seq;
    const refused = await report(limited, 'r103', a);
    const headAfterRefusal = limited.store.log.head.seq;

    const other = await report(limited, 'r103', 'ds_browser=browser-b');

    expect(statuses).toEqual([201, 201]);
    expect(refused.status).toBe(429);
    expect(headAfterRefusal).toBe(head);
    expect(other.status).toBe(201);
  });

  it('refuses a QR code that has reached its limit whichever browser uses it', async () => {
    const statuses = [];
    for (const b of ['q1', 'q2', 'q3', 'q4']) statuses.push((await report(limited, 'r105', `ds_browser=${b}`)).status);

    const res = await report(limited, 'r105', 'ds_browser=q5');

    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(res.status).toBe(429);
    expect(res.body.message).toMatch(/^too many reports from this room QR code/);
  });

  it("does not count one room's reports against another room's QR code", async () => {
    const res = await report(limited, 'r104', 'ds_browser=browser-c');

    expect(res.status).toBe(201);
    expect(res.body.ticket.room).toBe('r104');
  });
});
