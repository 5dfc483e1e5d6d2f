import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sentMails } from '../src/test-support/outbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const SENT = Date.parse('2026-03-02T08:00:00.000Z');
const at = (hours: number) => new Date(SENT + hours * 3600_000).toISOString();

describe('work order reminders', () => {
  let gw: TestGateway | undefined;
  let now = at(0);
  const start = async (dataDir?: string) => startTestGateway({ clock: () => now, reminderTickMs: 3_600_000, scheduleTicks: false, ...(dataDir ? { dataDir } : {}) });

  afterEach(async () => { await gw?.stop(); gw = undefined; });

  /** A vendor with one contact, and an order sent to them from a fresh report in r101, at hour 0. */
  async function sendOrder(g: TestGateway, reminders = true) {
    now = at(0);
    const hanna = await g.login('hanna');
    const vendor = (await g.call('POST', '/api/vendors', { cookie: hanna, body: {
      name: reminders ? 'Glassmester Berg' : 'Quiet Locks BV', trade: 'glazing', email: 'post@berg.example', reminders,
      contacts: [{ name: 'Siri Berg', email: 'siri@berg.example', language: 'nb' }],
    } })).body;
    const url = new URL(g.creds.rooms.find((r) => r.id === 'r101')!.reportApi);
    const ticket = (await g.call('POST', url.pathname + url.search, { body: { category: 'maintenance', description: 'Cracked window pane' } })).body.ticket.id as string;
    const sent = (await g.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor: vendor.id } })).body;
    return { id: sent.workOrder.id as string, ticket, token: new URL(sent.links[0].url).pathname.split('/').pop()! };
  }
  const reminders = async (g: TestGateway, order: string) => (await sentMails(g)).filter((m) => m.subject?.includes(`arbeidsordre ${order}`));
  const tickAt = async (g: TestGateway, hours: number) => { now = at(hours); await g.reminders.tick(); };

  it('reminds at +24 h and +72 h, then every 72 h, five in all, each once however often the clock ticks', async () => {
    gw = await start();
    const order = await sendOrder(gw);
    const counts: number[] = [];

    for (const hours of [23, 24, 24, 71, 72, 143, 144, 216, 288, 300, 340]) {
      await tickAt(gw, hours);
      counts.push((await reminders(gw, order.id)).length);
    }

    expect(counts).toEqual([0, 1, 1, 1, 2, 2, 3, 4, 5, 5, 5]);
    const mails = await reminders(gw, order.id);
    expect(mails.map((m) => (m.to as { text: string }).text)).toEqual(Array(5).fill('siri@berg.example'));
    expect(mails[0]!.subject).toContain('Påminnelse');
    expect(gw.store.workOrders.get(order.id)!.reminders).toMatchObject({ sent: 5, step: 5, task: null });
  });

  it('raises one task for the responsible person once the last reminder goes unanswered', async () => {
    gw = await start();
    const order = await sendOrder(gw);
    for (const hours of [24, 72, 144, 216, 288]) await tickAt(gw, hours);
    const roomBefore = gw.store.rooms.get('r101')!.status;

    await tickAt(gw, 360);
    await tickAt(gw, 400);
    await tickAt(gw, 800);

    const after = gw.store.workOrders.get(order.id)!;
    expect(after.reminders).toMatchObject({ sent: 5, step: 6, nextAt: null });
    const tasks = gw.store.tickets.list({ kind: 'task', limit: 1000 }).filter((t) => t.titlePhrase?.code === 'ticket.workOrderUnanswered');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: after.reminders!.task, kind: 'task', assignee: 'hanna', parent: order.ticket, status: 'assigned' });
    expect(tasks[0]!.titlePhrase!.params).toMatchObject({ workOrder: order.id });
    expect(gw.store.rooms.get('r101')!.status).toBe(roomBefore);
  });

  it('sends none after the vendor answers', async () => {
    gw = await start();
    const order = await sendOrder(gw);
    await tickAt(gw, 24);

    now = at(30);
    expect((await gw.call('POST', `/api/wo/${order.token}/accept`, { body: {} })).status).toBe(200);
    for (const hours of [72, 144, 216, 288, 360, 500]) await tickAt(gw, hours);

    expect(await reminders(gw, order.id)).toHaveLength(1);
    expect(gw.store.tickets.list({ kind: 'task', limit: 1000 }).filter((t) => t.titlePhrase?.code === 'ticket.workOrderUnanswered')).toHaveLength(0);
  });

  it('sends none twice across a restart: the due time is a row, not a timer', async () => {
    gw = await start();
    const order = await sendOrder(gw);
    await tickAt(gw, 24);
    const dir = gw.dir;
    await gw.close();

    gw = await start(dir);
    await tickAt(gw, 25);
    await tickAt(gw, 71);
    const afterRestart = (await reminders(gw, order.id)).length;
    await tickAt(gw, 72);

    expect(afterRestart).toBe(1);
    expect(await reminders(gw, order.id)).toHaveLength(2);
  });

  it('mails nothing to a vendor with reminders off, yet still raises the task in the end', async () => {
    gw = await start();
    const order = await sendOrder(gw, false);

    for (const hours of [24, 72, 144, 216, 288, 360]) await tickAt(gw, hours);

    expect((await sentMails(gw)).filter((m) => m.subject?.includes(order.id))).toHaveLength(0);
    expect(gw.store.workOrders.get(order.id)!.reminders).toMatchObject({ sent: 0, step: 6 });
    expect(gw.store.tickets.list({ kind: 'task', limit: 1000 }).filter((t) => t.titlePhrase?.code === 'ticket.workOrderUnanswered')).toHaveLength(1);
  });

  it('resumes after a long stop with one reminder at a time, a day apart at least', async () => {
    gw = await start();
    const order = await sendOrder(gw);

    await tickAt(gw, 200);
    await tickAt(gw, 201);
    const first = (await reminders(gw, order.id)).length;
    await tickAt(gw, 224);

    expect(first).toBe(1);
    expect(await reminders(gw, order.id)).toHaveLength(2);
  });

  it('carries the contact\'s own working link, kept sealed under a key in the data folder, and the renewed one after a new link', async () => {
    gw = await start();
    const order = await sendOrder(gw);

    await tickAt(gw, 24);
    const hanna = await gw.login('hanna');
    const contact = gw.store.workOrders.vendor(gw.store.workOrders.get(order.id)!.vendor)!.contacts[0]!.id;
    const renewed = (await gw.call('POST', `/api/work-orders/${order.id}/contacts/${contact}/link`, { cookie: hanna })).body.links[0].url as string;
    await tickAt(gw, 72);

    const [first, second] = await reminders(gw, order.id);
    expect(first!.text).toContain(`/wo/${order.token}`);
    expect(second!.text).toContain(new URL(renewed).pathname);
    expect(second!.text).not.toContain(order.token);
    const opened = await fetch(`${gw.http}${new URL(renewed).pathname}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(statSync(join(gw.dir, 'link-seal.key')).mode & 0o777).toBe(0o600);
    const stored = gw.store.db.prepare('SELECT sealed_token FROM work_order_links WHERE work_order = ?').all(order.id) as { sealed_token: string }[];
    expect(stored.every((r) => r.sealed_token.startsWith('v1.') && !r.sealed_token.includes(order.token))).toBe(true);
  });
});
