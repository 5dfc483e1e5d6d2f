import { beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway } from '../../edge/src/test-support/test-gateway.ts';
import type { ShippedEvent } from '../src/protocol.ts';
import { headOf } from './support/chain.ts';
import { call, centralHarness, signIn } from './support/central-harness.ts';
import { gatewayLog } from './support/gateway-log.ts';

const REPLY = 'The cleaners come back at four';
const COMMENT = 'Tenant complained twice this month already';
const PASSWORD = 'a long enough password';

/** The central copy keeps a reply to the reporter apart from the staff's internal comment. */
let log: ShippedEvent[] = [];
let ticket = '';
beforeAll(async () => {
  const gw = await startTestGateway();
  try {
    const ana = await gw.login('ana');
    const made = await gw.call('POST', '/api/inquiries', { cookie: ana, body: { reporter: { name: 'Mei Lin', email: 'mei@example.com' }, room: 'r102', category: 'cleaning', title: 'Bins', description: 'Bins not emptied' } });
    ticket = made.body.ticket.id;
    await gw.call('POST', `/api/tickets/${ticket}/reply`, { cookie: ana, body: { text: REPLY } });
    await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: ana, body: { text: COMMENT, internal: true } });
    log = gatewayLog(gw);
  } finally {
    await gw.stop();
  }
}, 60_000);

describe('an inquiry\'s reply and comment at head office', () => {
  const harness = centralHarness('sqlite');

  it('arrive as their own events, the reply for the reporter and the comment internal', async () => {
    const central = await harness.start();
    const { siteKey } = await central.addSite('demo', 'Demo Office');
    await central.addUser('olga', PASSWORD, 'head_office');
    const shipped = await call(central, 'POST', '/api/sites/demo/events', { key: siteKey, body: { after: 0, events: log, head: headOf(log) } });
    expect(shipped.status).toBe(200);

    const cookie = await signIn(central, 'olga', PASSWORD);
    const read = await call(central, 'GET', `/api/sites/demo/events?entity=ticket:${ticket}&limit=50`, { cookie });
    expect(read.status).toBe(200);
    const events = read.body.events as Array<{ type: string; state: { history: Array<{ visibility?: string; note?: string }>; notes: Array<{ text: string; internal: boolean }> } }>;
    expect(events.map((e) => e.type).sort()).toEqual(['ticket-commented', 'ticket-opened', 'ticket-replied']);
    const replied = events.find((e) => e.type === 'ticket-replied')!;
    expect(replied.state.history.filter((h) => h.visibility === 'reporter').map((h) => h.note)).toEqual([REPLY]);
    expect(replied.state.notes).toEqual([]);
    const commented = events.find((e) => e.type === 'ticket-commented')!;
    expect(commented.state.notes).toEqual([expect.objectContaining({ text: COMMENT, internal: true })]);
    expect(commented.state.history.filter((h) => h.visibility === 'reporter').map((h) => h.note)).toEqual([REPLY]);
  });
});
