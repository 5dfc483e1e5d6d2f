import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/** A vendor works a work order but must not read the staff-only notes on it, by any path. */
describe('staff-only notes and an outside vendor', () => {
  let gw: TestGateway;
  let sofia: string;
  let vendor: string;
  let ticket: string;

  beforeEach(async () => {
    gw = await startTestGateway();
    sofia = await gw.login('sofia');
    vendor = await gw.login('liftco');
    const created = await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'work_order', category: 'maintenance', room: 'r201', description: 'Lift door sticks on floor 2' } });
    expect(created.status).toBe(201);
    ticket = created.body.id;
    expect((await gw.call('POST', `/api/tickets/${ticket}/assign`, { cookie: sofia, body: { assignee: 'liftco' } })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: sofia, body: { text: 'Contract ends in March, do not approve extras', internal: true } })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: sofia, body: { text: 'Key at reception', internal: false } })).status).toBe(200);
  });
  afterEach(async () => { await gw.stop(); });

  const texts = (t: { notes: Array<{ text: string }> }) => t.notes.map((n) => n.text);

  it('are left out of the ticket, the ticket list and an action\'s answer for the vendor, and kept for staff', async () => {
    const one = await gw.call('GET', `/api/tickets/${ticket}`, { cookie: vendor });
    const list = await gw.call('GET', '/api/tickets', { cookie: vendor });
    const acted = await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: vendor, body: { text: 'On site Tuesday', internal: false } });
    const forStaff = await gw.call('GET', `/api/tickets/${ticket}`, { cookie: sofia });

    expect(one.status).toBe(200);
    expect(texts(one.body)).toEqual(['Key at reception']);
    expect(list.body.tickets.map((t: { id: string }) => t.id)).toEqual([ticket]);
    expect(texts(list.body.tickets[0])).toEqual(['Key at reception']);
    expect(acted.status).toBe(200);
    expect(texts(acted.body.ticket)).toEqual(['Key at reception', 'On site Tuesday']);
    expect(texts(forStaff.body)).toContain('Contract ends in March, do not approve extras');
  });

  it('are left out of the live feed the vendor watches', async () => {
    const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws`, { headers: { cookie: vendor } });
    const frames: Array<{ kind: string; entity?: string; state?: { notes?: Array<{ text: string }> } }> = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    await expect.poll(() => frames.some((f) => f.kind === 'snapshot')).toBe(true);

    await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: sofia, body: { text: 'Second quote was cheaper', internal: true } });
    await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: sofia, body: { text: 'Please call on arrival', internal: false } });

    await expect.poll(() => frames.filter((f) => f.entity === `ticket:${ticket}`).length).toBe(2);
    const last = frames.filter((f) => f.entity === `ticket:${ticket}`).at(-1)!;
    expect(last.state!.notes!.map((n) => n.text)).toEqual(['Key at reception', 'Please call on arrival']);
    expect(JSON.stringify(frames)).not.toContain('cheaper');
    socket.close();
  });
});
