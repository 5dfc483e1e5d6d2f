import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

/** A cleaning report in `room`, assigned by sofia and finished by ana, with a staff-only note on it. */
async function finished(room: string): Promise<string> {
  const url = gw.creds.rooms.find((r) => r.id === room)!.reportApi;
  const report = await gw.call('POST', url.slice(gw.http.length), { body: { category: 'cleaning', description: 'Bins overflowing' } });
  const id = report.body.ticket.id as string;
  const sofia = await gw.login('sofia');
  const ana = await gw.login('ana');
  for (const [cookie, action, body] of [
    [sofia, 'assign', { assignee: 'ana' }], [ana, 'comment', { text: 'Key is at reception', internal: true }], [ana, 'start', {}], [ana, 'complete', { note: 'All bins emptied' }],
  ] as const) {
    const res = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return id;
}

describe('a room\'s finished services to approve or reject', () => {
  it('lists the finished service with its completion note and the verdicts a supervisor may give', async () => {
    const id = await finished('r201');

    const res = await gw.call('GET', '/api/rooms/r201/finished', { cookie: await gw.login('sofia') });

    expect(res.status).toBe(200);
    expect(res.body.room).toEqual({ id: 'r201', name: expect.any(String) });
    expect(res.body.services.map((s: { ticket: { id: string }; actions: string[] }) => [s.ticket.id, s.actions])).toEqual([[id, ['approve', 'reject']]]);
    expect(res.body.services[0].ticket.history.at(-1)).toMatchObject({ action: 'complete', note: 'All bins emptied' });
  });

  it('offers nothing to the worker who did the job and holds no right to approve it', async () => {
    await finished('r203');

    const res = await gw.call('GET', '/api/rooms/r203/finished', { cookie: await gw.login('ana') });

    expect(res.status).toBe(200);
    expect(res.body.services).toEqual([]);
  });

  it('refuses a door panel of another room as the room itself does, and a browser without a session', async () => {
    await finished('r204');

    const cookie = await gw.panelLogin('r101');

    const panel = await gw.call('GET', '/api/rooms/r204/finished', { cookie });
    const nobody = await gw.call('GET', '/api/rooms/r204/finished');

    expect(panel.status).toBe((await gw.call('GET', '/api/rooms/r204', { cookie })).status);
    expect(panel.status).toBe(403);
    expect(nobody.status).toBe(401);
  });
});
