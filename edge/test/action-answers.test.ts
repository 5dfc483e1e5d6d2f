import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionResult } from '../src/contracts/index.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

/** The answer holds exactly what the contract names: nothing more (parsing strips unknown keys), nothing malformed. */
function exactlyTheContract(body: unknown): void {
  expect(body).toStrictEqual(JSON.parse(JSON.stringify(ActionResult.parse(body))));
}

async function finishedTask(room: string, worker: string): Promise<string> {
  const sofia = await gw.login('sofia');
  const staff = await gw.login(worker);
  const created = await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room, description: 'Wipe the tables' } });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  for (const [action, cookie, body] of [
    ['assign', sofia, { assignee: worker }], ['comment', sofia, { text: 'Staff only: check the bin', internal: true }],
    ['start', staff, {}], ['complete', staff, { note: 'Done' }],
  ] as const) expect((await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body })).status).toBe(200);
  return id;
}

describe('the answer to a ticket action', () => {
  it('is exactly the ActionResult contract for a rejection at the room panel', async () => {
    const id = await finishedTask('r104', 'ana');
    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.panelLogin('r104'), body: { reason: 'Not cleaned', notes: 'Crumbs left' } });
    expect(res.status).toBe(200);
    exactlyTheContract(res.body);
    expect(res.body.ticket).toMatchObject({ id, status: 'rejected' });
    expect(res.body.triggered).toMatchObject({ route: 'returned' });
  });

  it('is exactly the ActionResult contract for a supervisor, staff-only notes kept', async () => {
    const id = await finishedTask('r105', 'ben');
    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.login('fiona'), body: { reason: 'Not cleaned' } });
    expect(res.status).toBe(200);
    exactlyTheContract(res.body);
    expect(res.body.ticket.notes.map((n: { text: string }) => n.text)).toContain('Staff only: check the bin');
  });

  it('is exactly the contract for the other actions too', async () => {
    const sofia = await gw.login('sofia');
    const created = await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room: 'r201', description: 'Restock' } });
    const id = created.body.id as string;
    const assigned = await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } });
    exactlyTheContract(assigned.body);
    const approved = await gw.call('POST', `/api/tickets/${id}/cancel`, { cookie: sofia, body: { reason: 'Not needed' } });
    expect(approved.status).toBe(200);
    exactlyTheContract(approved.body);
  });

  it('is still an error body with its reason when the action is refused', async () => {
    const id = await finishedTask('r202', 'ana');
    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.login('ana'), body: { reason: 'Mine' } });
    expect(res.status).toBe(403);
    expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(['error', 'message']));
  });
});
