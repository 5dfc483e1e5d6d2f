import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('the stock ledger over HTTP', () => {
  let gw: TestGateway;
  let hanna: string;
  let eva: string;
  let ana: string;
  let ben: string;

  const report = async (room: string) => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: `Soap empty in ${room}` } });
    expect(res.status).toBe(201);
    return res.body.ticket.id as string;
  };
  const jobFor = async (who: string, room: string) => {
    const id = await report(room);
    expect((await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { assignee: who } })).status).toBe(200);
    return id;
  };
  const newItem = async (body: Record<string, unknown>) => {
    const res = await gw.call('POST', '/api/stock/items', { cookie: hanna, body: { store: 'main-store', unit: 'pcs', cost: 250, minimum: 0, billable: false, ...body } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const level = async (item: string) => (await gw.call('GET', '/api/stock', { cookie: hanna })).body.items.find((i: { id: string }) => i.id === item);
  const ledger = async (item: string) => (await gw.call('GET', `/api/stock/movements?item=${item}`, { cookie: hanna })).body.movements;
  const move = (cookie: string, ticket: string, action: string, item: string, quantity: unknown) =>
    gw.call('POST', `/api/tickets/${ticket}/consumables/${action}`, { cookie, body: { item, quantity } });

  beforeAll(async () => {
    gw = await startTestGateway({ demoStock: true });
    hanna = await gw.login('hanna');
    eva = await gw.login('eva');
    ana = await gw.login('ana');
    ben = await gw.login('ben');
  });
  afterAll(async () => { await gw?.stop(); });

  it('carries a job through request, issue, use and return, and the level is the sum of the ledger', async () => {
    const item = await newItem({ name: 'Sponge' });
    await gw.call('POST', `/api/stock/items/${item}/receive`, { cookie: eva, body: { quantity: 10 } });
    const job = await jobFor('ana', 'r101');

    const requested = await move(ana, job, 'request', item, 3);
    const issued = await move(eva, job, 'issue', item, 3);
    const used = await move(ana, job, 'use', item, 2);
    const returned = await move(ana, job, 'return', item, 1);
    const view = await gw.call('GET', `/api/tickets/${job}/consumables`, { cookie: ana });

    expect([requested.status, issued.status, used.status, returned.status]).toEqual([200, 200, 200, 200]);
    expect(issued.body.movement).toMatchObject({ kind: 'issued', quantity: 3, delta: -3, levelAfter: 7, worker: 'ana', ticket: job, by: 'user:eva' });
    expect(returned.body.item.level).toBe(8);
    expect(view.body.items).toEqual([expect.objectContaining({ item, requested: 3, issued: 3, used: 2, returned: 1, toIssue: 0, held: 0 })]);
    expect(view.body.usedCost).toBe(500);
    const lines = await ledger(item);
    expect(lines.map((m: { kind: string }) => m.kind)).toEqual(['returned', 'used', 'issued', 'requested', 'received']);
    expect(lines.reduce((sum: number, m: { delta: number }) => sum + m.delta, 0)).toBe((await level(item)).level);
  });

  it('refuses a return of more than was issued and not used, and writes nothing', async () => {
    const item = await newItem({ name: 'Glass cleaner' });
    await gw.call('POST', `/api/stock/items/${item}/receive`, { cookie: eva, body: { quantity: 5 } });
    const job = await jobFor('ana', 'r102');
    await move(eva, job, 'issue', item, 2);
    await move(ana, job, 'use', item, 1);
    const before = await ledger(item);

    const res = await move(ana, job, 'return', item, 2);
    const overUse = await move(ana, job, 'use', item, 2);

    expect(res.status).toBe(409);
    expect(res.body.error).toBe('MORE_THAN_HELD');
    expect(res.body.details).toMatchObject({ held: 1, quantity: 2 });
    expect(overUse.body.error).toBe('MORE_THAN_HELD');
    expect(await ledger(item)).toEqual(before);
    expect((await level(item)).level).toBe(3);
  });

  it('never lets stock go below zero', async () => {
    const item = await newItem({ name: 'Descaler' });
    await gw.call('POST', `/api/stock/items/${item}/receive`, { cookie: eva, body: { quantity: 2 } });
    const job = await jobFor('ana', 'r103');

    const issue = await move(eva, job, 'issue', item, 3);
    const dispose = await gw.call('POST', `/api/stock/items/${item}/dispose`, { cookie: eva, body: { quantity: 3 } });

    expect(issue.status).toBe(409);
    expect(issue.body).toMatchObject({ error: 'STOCK_TOO_LOW', details: { level: 2, quantity: 3 } });
    expect(dispose.body.error).toBe('STOCK_TOO_LOW');
    expect((await level(item)).level).toBe(2);
  });

  it('answers bad quantities and fields with 400 and a reason', async () => {
    const item = await newItem({ name: 'Bin liner' });
    const job = await jobFor('ana', 'r104');

    const answers = await Promise.all([
      move(ana, job, 'request', item, -1), move(ana, job, 'request', item, 1.5), move(ana, job, 'request', item, 0), move(ana, job, 'request', item, '2'),
      gw.call('POST', `/api/tickets/${job}/consumables/request`, { cookie: ana, body: { item, quantity: 1, price: 1 } }),
      gw.call('POST', '/api/stock/items', { cookie: hanna, body: { store: 'main-store', name: 'X', unit: 'pcs', cost: 1.5, minimum: 0, billable: false } }),
      gw.call('POST', '/api/stock/items', { cookie: hanna, body: { store: 'nowhere', name: 'X', unit: 'pcs', cost: 1, minimum: 0, billable: false } }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(answers.slice(0, 6).map((a) => a.body.error)).toEqual(Array(6).fill('INVALID'));
    expect(answers[6]!.body.error).toBe('UNKNOWN_STOCK_STORE');
    expect(await ledger(item)).toEqual([]);
  });

  it('keeps a job\'s stock to whoever holds the job and a store\'s to its owner', async () => {
    const item = await newItem({ name: 'Mop head' });
    const job = await jobFor('ana', 'r105');

    const otherWorker = await move(ben, job, 'request', item, 1);
    const notOwner = await gw.call('POST', `/api/stock/items/${item}/receive`, { cookie: ana, body: { quantity: 5 } });
    const noManage = await gw.call('POST', '/api/stock/items', { cookie: eva, body: { store: 'main-store', name: 'X', unit: 'pcs', cost: 1, minimum: 0, billable: false } });
    const anonymous = await gw.call('GET', '/api/stock');

    expect(otherWorker.status).toBe(403);
    expect(notOwner).toMatchObject({ status: 403, body: { error: 'NOT_STORE_OWNER' } });
    expect(noManage).toMatchObject({ status: 403, body: { error: 'NOT_PERMITTED' } });
    expect(anonymous.status).toBe(401);
  });

  it('lists what the store has to hand out, and the demo store with its opening stock', async () => {
    const item = await newItem({ name: 'Toilet roll' });
    const job = await jobFor('ana', 'r201');
    await move(ana, job, 'request', item, 4);

    const requests = (await gw.call('GET', '/api/stock/requests', { cookie: eva })).body.requests;
    const overview = (await gw.call('GET', '/api/stock', { cookie: eva })).body;

    expect(requests).toContainEqual(expect.objectContaining({ ticket: job, item, outstanding: 4, worker: 'ana', level: 0 }));
    expect(overview.stores).toEqual([expect.objectContaining({ id: 'main-store', owner: 'eva', category: 'supplies' })]);
    expect(overview.items.find((i: { name: string }) => i.name === 'Air-conditioner filter')).toMatchObject({ level: 12, minimum: 4, billable: true });
    expect(overview.items.find((i: { id: string }) => i.id === item)).toMatchObject({ requested: 4, out: 0 });
  });

  it('opens one low-stock task for the store\'s owner per dip, and another after it recovered and dipped again', async () => {
    const item = await newItem({ name: 'Floor wax', minimum: 5 });
    await gw.call('POST', `/api/stock/items/${item}/receive`, { cookie: eva, body: { quantity: 6 } });
    const job = await jobFor('ana', 'r202');
    const tasks = async () => ((await gw.call('GET', '/api/tickets?assignee=eva', { cookie: hanna })).body.tickets as { id: string; description: string; titlePhrase?: { code: string } }[])
      .filter((t) => t.titlePhrase?.code === 'ticket.lowStock' && t.description.includes(`(${item})`));
    const settle = async (count: number) => {
      for (let i = 0; i < 50 && (await tasks()).length < count; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      return tasks();
    };

    await move(eva, job, 'issue', item, 2);
    const firstDip = await settle(1);
    await Promise.all([move(eva, job, 'issue', item, 1), move(eva, job, 'issue', item, 1)]);
    const stillFirst = await settle(2);
    const recovered = (await move(ana, job, 'return', item, 4)).body.item;
    await move(eva, job, 'issue', item, 3);
    const secondDip = await settle(2);

    expect(firstDip).toHaveLength(1);
    expect(stillFirst).toHaveLength(1);
    expect(recovered).toMatchObject({ level: 6, alert: null });
    expect(secondDip).toHaveLength(2);
    expect((await level(item)).alert).toBe(secondDip.map((t) => t.id).find((id) => id !== firstDip[0]!.id));
  });

  it('keeps the ledger append-only in the database itself', () => {
    const act = () => gw.store.db.prepare('UPDATE stock_movements SET quantity = 99').run();

    expect(act).toThrow(/append-only/);
  });
});
