import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const START = Date.parse('2026-05-04T06:00:00.000Z');
const at = (hours: number) => new Date(START + hours * 3600_000).toISOString();

describe('figures per vendor on the figures route', () => {
  let gw: TestGateway;
  let now = at(0);

  beforeAll(async () => { gw = await startTestGateway({ clock: () => now, scheduleTicks: false }); });
  afterAll(async () => { await gw?.stop(); });

  const vendor = async (cookie: string, name: string) => (await gw.call('POST', '/api/vendors', { cookie, body: {
    name, trade: 'lifts', email: 'x@lift.example', contacts: [{ name: 'Desk', email: 'desk@lift.example' }],
  } })).body.id as string;
  const send = async (cookie: string, vendorId: string) => {
    const sent = (await gw.call('POST', '/api/work-orders', { cookie, body: { vendor: vendorId, title: 'Lift service' } })).body;
    const token = new URL(sent.links[0].url).pathname.split('/').pop()!;
    return { id: sent.workOrder.id as string, act: (action: string, body: unknown = {}) => gw.call('POST', `/api/wo/${token}/${action}`, { body }) };
  };
  const step = async (hours: number, work: () => Promise<{ status: number }>) => { now = at(hours); expect((await work()).status).toBe(200); };

  it('gives each vendor its mean time to accept and to done, and the share of done work sent back', async () => {
    const hanna = await gw.login('hanna');
    const [fast, slow] = [await vendor(hanna, 'Alpha Heis'), await vendor(hanna, 'Beta Heis')];
    const a = await send(hanna, fast);
    const b = await send(hanna, slow);
    const c = await send(hanna, slow);

    await step(2, () => a.act('accept'));
    await step(3, () => a.act('start'));
    await step(26, () => a.act('done', { minutes: 60 }));
    const again = await gw.login('hanna');
    await step(27, () => gw.call('POST', `/api/work-orders/${a.id}/reject`, { cookie: again, body: { reason: 'Still noisy' } }));
    await step(50, () => a.act('done', { minutes: 30 }));
    await step(10, () => b.act('decline', { reason: 'No capacity' }));
    await step(51, () => c.act('accept'));
    now = at(52);
    const res = await gw.call('GET', '/api/kpis?from=2026-05-01&to=2026-05-31', { cookie: await gw.login('hanna') });

    expect(res.status).toBe(200);
    expect(res.body.vendors).toEqual([
      { vendor: fast, name: 'Alpha Heis', sent: 1, accepted: 1, declined: 0, meanMinutesToAccept: 120, done: 1, meanMinutesToDone: 3000, reportedDone: 2, rejected: 1, rejectionPercent: 50 },
      { vendor: slow, name: 'Beta Heis', sent: 2, accepted: 1, declined: 1, meanMinutesToAccept: 3060, done: 0, meanMinutesToDone: null, reportedDone: 0, rejected: 0, rejectionPercent: null },
    ]);
  });

  it('leaves out orders sent outside the window', async () => {
    const res = await gw.call('GET', '/api/kpis?from=2026-06-01&to=2026-06-30', { cookie: await gw.login('hanna') });

    expect(res.body.vendors).toEqual([]);
  });
});
