import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('vendors and work orders', () => {
  let gw: TestGateway;
  let hanna: string;
  let vendor: { id: string; contacts: { id: string }[] };

  const report = async (room: string, category = 'maintenance') => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: `${category} problem in ${room}` } });
    expect(res.status).toBe(201);
    return res.body.ticket.id as string;
  };
  const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } }).jpeg().toBuffer();
  const attachPhoto = async (ticket: string) => {
    const form = new FormData();
    form.append('photos', new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }), 'door.jpg');
    const res = await fetch(`${gw.http}/api/tickets/${ticket}/attachments`, { method: 'POST', headers: { cookie: hanna }, body: form });
    expect(res.status).toBe(201);
  };
  /** The vendor's side, through the vendor link the order was sent with. */
  const vendorDoes = (url: string, action: string, body?: unknown) => gw.call('POST', `/api/wo/${new URL(url).pathname.split('/').pop()}/${action}`, { body });

  beforeAll(async () => {
    gw = await startTestGateway({ publicUrl: 'https://doorside.example.org' });
    hanna = await gw.login('hanna');
    const res = await gw.call('POST', '/api/vendors', { cookie: hanna, body: {
      name: 'Nordlift AS', trade: 'lifts', email: 'service@nordlift.example',
      contacts: [{ name: 'Kari Nord', email: 'kari@nordlift.example', language: 'nb' }, { name: 'Ole Lift', email: 'ole@nordlift.example' }],
    } });
    expect(res.status).toBe(201);
    vendor = res.body;
  });
  afterAll(async () => { await gw?.stop(); });

  it('keeps a vendor with its contacts, reminders on by default', async () => {
    const res = await gw.call('GET', `/api/vendors/${vendor.id}`, { cookie: hanna });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Nordlift AS', trade: 'lifts', reminders: true, active: true });
    expect(res.body.contacts.map((c: { language: string }) => c.language)).toEqual(['nb', 'en']);
  });

  it('sends a work order from a ticket with its title, description and every attachment, and a link per contact', async () => {
    const ticket = await report('r101');
    await attachPhoto(ticket);
    await attachPhoto(ticket);
    const before = (await gw.call('GET', `/api/tickets/${ticket}`, { cookie: hanna })).body;

    const res = await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: {
      vendor: vendor.id, instructions: 'Key at reception', dueAt: '2099-01-01T10:00:00.000Z', costLimit: { amount: 50000, currency: 'EUR' },
    } });

    expect(res.status).toBe(201);
    expect(res.body.workOrder).toMatchObject({ ticket, status: 'sent', title: before.title, description: before.description, room: 'r101', instructions: 'Key at reception', responsible: 'hanna' });
    expect(res.body.workOrder.attachments.map((a: { id: string }) => a.id)).toEqual(before.attachments.map((a: { id: string }) => a.id));
    expect(before.attachments).toHaveLength(2);
    expect(res.body.links).toHaveLength(2);
    for (const link of res.body.links) expect(link.url).toMatch(/^https:\/\/doorside\.example\.org\/wo\/[A-Za-z0-9_-]{22}$/);
    expect((await gw.call('GET', `/api/tickets/${ticket}/work-orders`, { cookie: hanna })).body.workOrders.map((o: { id: string }) => o.id)).toEqual([res.body.workOrder.id]);
  });

  it('takes an order through accept, start, done and verify, each step in the audit log with the vendor as actor', async () => {
    const ticket = await report('r102');
    const sent = (await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor: vendor.id } })).body;
    const url = sent.links[0].url;
    const id = sent.workOrder.id;

    const steps = [
      await vendorDoes(url, 'accept'),
      await vendorDoes(url, 'comment', { text: 'Coming Tuesday' }),
      await vendorDoes(url, 'start'),
      await vendorDoes(url, 'done', { notes: 'Replaced the door closer', minutes: 45 }),
      await gw.call('POST', `/api/work-orders/${id}/verify`, { cookie: hanna }),
    ];

    expect(steps.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const order = (await gw.call('GET', `/api/work-orders/${id}`, { cookie: hanna })).body;
    expect(order).toMatchObject({ status: 'verified', report: { notes: 'Replaced the door closer', minutes: 45 } });
    expect(order.comments[0]).toMatchObject({ text: 'Coming Tuesday', by: `vendor:${vendor.id}/${vendor.contacts[0]!.id}` });
    const audit = (await gw.call('GET', `/api/events?limit=5000`, { cookie: hanna })).body.events
      .filter((e: { entity: string }) => e.entity === `work-order:${id}`);
    expect(audit.map((e: { type: string; actor: string }) => [e.type, e.actor.split(':')[0]])).toEqual([
      ['work-order-sent', 'user'], ['work-order-accepted', 'vendor'], ['work-order-commented', 'vendor'], ['work-order-started', 'vendor'], ['work-order-done', 'vendor'], ['work-order-verified', 'user'],
    ]);
  });

  it('refuses with 409 to accept an order the vendor declined', async () => {
    const sent = (await gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title: 'Glass pane cracked in the lobby' } })).body;
    const url = sent.links[1].url;

    const declined = await vendorDoes(url, 'decline', { reason: 'No glazier free this month' });
    const accepted = await vendorDoes(url, 'accept');

    expect(declined.status).toBe(200);
    expect(declined.body.workOrder).toMatchObject({ status: 'declined', declineReason: 'No glazier free this month' });
    expect(declined.body).toMatchObject({ readOnly: true, actions: [] });
    expect(accepted.status).toBe(409);
    expect(accepted.body).toMatchObject({ error: 'WORK_ORDER_STATE', details: { status: 'declined' } });
  });

  it('keeps a ticket with an open work order from closing, until the order is withdrawn', async () => {
    const ticket = await report('r103');
    const sent = (await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor: vendor.id } })).body;

    const blocked = await gw.call('POST', `/api/tickets/${ticket}/cancel`, { cookie: hanna, body: { reason: 'done by the vendor' } });
    const withdrawn = await gw.call('POST', `/api/work-orders/${sent.workOrder.id}/withdraw`, { cookie: hanna, body: { reason: 'fixed in house' } });
    const closed = await gw.call('POST', `/api/tickets/${ticket}/cancel`, { cookie: hanna, body: { reason: 'fixed in house' } });

    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ error: 'WORK_ORDER_OPEN', details: { workOrders: [sent.workOrder.id] } });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(closed.status).toBe(200);
  });

  it('sends reported-done work back to the vendor with a reason, and lists orders by status and vendor', async () => {
    const sent = (await gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title: 'Lift 2 stops between floors' } })).body;
    const url = sent.links[0].url;
    await vendorDoes(url, 'accept');
    await vendorDoes(url, 'start');
    await vendorDoes(url, 'done', { notes: 'Reset the controller', minutes: 20 });

    const rejected = await gw.call('POST', `/api/work-orders/${sent.workOrder.id}/reject`, { cookie: hanna, body: { reason: 'Still stops on floor 3' } });
    const listed = await gw.call('GET', `/api/work-orders?status=in_progress&vendor=${vendor.id}`, { cookie: hanna });
    const staff = await gw.call('GET', '/api/work-orders', { cookie: await gw.login('ana') });

    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'in_progress', rejections: [{ reason: 'Still stops on floor 3' }] });
    expect(listed.body.workOrders.map((o: { id: string }) => o.id)).toEqual([sent.workOrder.id]);
    expect(staff.status).toBe(403);
  });

  it('refuses bad input with a reason: an unknown vendor, a wanted-by time in the past, an order on its own with no title', async () => {
    const ticket = await report('r104');

    const unknown = await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor: 'V-nobody' } });
    const past = await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor: vendor.id, dueAt: '2001-01-01T00:00:00.000Z' } });
    const untitled = await gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id } });
    const money = await gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title: 'x', costLimit: { amount: 1.5, currency: 'EUR' } } });

    expect([unknown.status, past.status, untitled.status, money.status]).toEqual([400, 400, 400, 400]);
    expect([unknown.body.error, past.body.error]).toEqual(['UNKNOWN_VENDOR', 'DUE_IN_PAST']);
    expect((await gw.call('GET', `/api/tickets/${ticket}/work-orders`, { cookie: hanna })).body.workOrders).toEqual([]);
  });
});
