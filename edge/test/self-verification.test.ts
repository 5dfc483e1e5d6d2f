import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

/** A job in the category that sofia, a supervisor, claims, starts and completes herself. */
async function sofiasOwnJob(category: string, room: string): Promise<string> {
  const sofia = await gw.login('sofia');
  const created = await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category, room, description: 'Check the projector cables' } });
  const id = created.body.id as string;
  for (const step of ['claim', 'start', 'complete']) {
    const res = await gw.call('POST', `/api/tickets/${id}/${step}`, { cookie: sofia, body: {} });
    expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return id;
}

describe('verifying one\'s own work', () => {
  it('refuses the supervisor who did the job its approval and its rejection, writes nothing and offers neither', async () => {
    const id = await sofiasOwnJob('av', 'r102');
    const sofia = await gw.login('sofia');
    const head = gw.store.log.head.seq;

    const approve = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: sofia, body: {} });
    const reject = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: sofia, body: { reason: 'Projector not working' } });
    const queue = await gw.call('GET', '/api/queue', { cookie: sofia });

    expect(approve.status).toBe(403);
    expect(approve.body).toMatchObject({ error: 'OWN_WORK', details: { ticket: id } });
    expect(reject.status).toBe(403);
    expect(reject.body.error).toBe('OWN_WORK');
    expect(gw.store.log.head.seq).toBe(head);
    expect(gw.store.tickets.get(id)!.status).toBe('done');
    const item = queue.body.mine.find((i: { ticket: { id: string } }) => i.ticket.id === id);
    expect(item.actions).not.toContain('approve');
    expect(item.actions).not.toContain('reject');
  });

  it('refuses the one who only claimed and started a job that another completed', async () => {
    const [sofia, marco] = [await gw.login('sofia'), await gw.login('marco')];
    const created = await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'av', room: 'r103', description: 'Mount the screen' } });
    const id = created.body.id as string;
    await gw.call('POST', `/api/tickets/${id}/claim`, { cookie: sofia, body: {} });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: sofia, body: {} });
    await gw.call('POST', `/api/tickets/${id}/transfer`, { cookie: sofia, body: { to: 'chen' } });
    const chen = await gw.login('chen');
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: chen, body: {} });
    expect((await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: chen, body: {} })).body.ticket.status).toBe('done');

    const bySofia = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: sofia, body: {} });
    const byMarco = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: marco, body: {} });

    expect(bySofia.status).toBe(403);
    expect(bySofia.body.error).toBe('OWN_WORK');
    expect(byMarco.status).toBe(200);
  });

  it('lets another supervisor approve it', async () => {
    const id = await sofiasOwnJob('av', 'r104');

    const res = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: await gw.login('marco'), body: {} });

    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe('verified');
  });

  it('lets the worker verify their own job once the category allows it, and only a facility head or admin may allow it', async () => {
    const byStaff = await gw.call('POST', '/api/categories/supplies/policy', { cookie: await gw.login('ana'), body: { selfVerification: 'allowed' } });
    const bad = await gw.call('POST', '/api/categories/supplies/policy', { cookie: await gw.login('hanna'), body: { selfVerification: 'sometimes' } });
    const allowed = await gw.call('POST', '/api/categories/supplies/policy', { cookie: await gw.login('hanna'), body: { selfVerification: 'allowed' } });
    const id = await sofiasOwnJob('supplies', 'r105');
    const sofia = await gw.login('sofia');

    const queue = await gw.call('GET', '/api/queue', { cookie: sofia });
    const res = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: sofia, body: {} });

    expect(byStaff.status).toBe(403);
    expect(bad.status).toBe(400);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toMatchObject({ id: 'supplies', selfVerification: 'allowed' });
    expect(queue.body.mine.find((i: { ticket: { id: string } }) => i.ticket.id === id).actions).toContain('approve');
    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe('verified');
  });
});
