import { once } from 'node:events';
import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sentMails } from '../src/test-support/outbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const PUBLIC = 'https://doorside.example.org';
let gw: TestGateway;
let hanna: string;
let marco: string;
let vendor: string;

const toOf = (mail: ParsedMail) => ([] as AddressObject[]).concat(mail.to ?? [])[0]?.value[0]?.address;
const mailsTo = async (address: string) => (await sentMails(gw)).filter((m) => toOf(m) === address);

async function liveFeed(cookie: string) {
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws`, { headers: { cookie } });
  const frames: { kind: string; type?: string; entity?: string; state?: any }[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await once(socket, 'open');
  const until = async (n: number, match: (f: (typeof frames)[number]) => boolean) => {
    for (let i = 0; i < 150 && frames.filter(match).length < n; i++) await new Promise((r) => setTimeout(r, 20));
    return frames.filter(match);
  };
  return { socket, until };
}

/** A report in r105 with a tenant linked to it who wants mail, sent to the vendor by hanna. */
async function orderWithTenant(email: string) {
  const url = new URL(gw.creds.rooms.find((r) => r.id === 'r105')!.reportApi);
  const ticket = (await gw.call('POST', url.pathname + url.search, { body: { category: 'maintenance', description: 'Dishwasher leaks' } })).body.ticket.id as string;
  const person = (await gw.call('POST', '/api/persons', { cookie: marco, body: { name: 'Tenant', email, notifyByEmail: true, language: 'nl' } })).body.id;
  expect((await gw.call('POST', `/api/tickets/${ticket}/links`, { cookie: marco, body: { persons: [person] } })).status).toBe(200);
  const sent = (await gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor } })).body;
  const token = new URL(sent.links[0].url).pathname.split('/').pop()!;
  return { ticket, order: sent.workOrder.id as string, act: (action: string, body: unknown = {}) => gw.call('POST', `/api/wo/${token}/${action}`, { body }) };
}

beforeAll(async () => {
  gw = await startTestGateway({ publicUrl: PUBLIC });
  [hanna, marco] = [await gw.login('hanna'), await gw.login('marco')];
  vendor = (await gw.call('POST', '/api/vendors', { cookie: hanna, body: {
    name: 'Keukenservice Smit', trade: 'kitchens', email: 'info@smit.example', contacts: [{ name: 'Joop Smit', email: 'joop@smit.example', language: 'nl' }],
  } })).body.id;
});
afterAll(async () => gw?.stop());

describe('work order notifications', () => {
  it('tells the responsible person of every vendor step by mail and on the dashboard live feed', async () => {
    const { order, act } = await orderWithTenant('a@tenant.example');
    const live = await liveFeed(hanna);
    const before = (await mailsTo('hanna.nilsen@facility.example')).length;

    for (const [action, body] of [['accept', {}], ['comment', { text: 'Thursday morning' }], ['start', {}], ['done', { notes: 'New hose', minutes: 40 }]] as const) {
      expect((await act(action, body)).status).toBe(200);
    }

    const frames = await live.until(4, (f) => f.entity === `work-order:${order}`);
    expect(frames.map((f) => f.type)).toEqual(['work-order-accepted', 'work-order-commented', 'work-order-started', 'work-order-done']);
    live.socket.close();
    const mails = (await mailsTo('hanna.nilsen@facility.example')).slice(before);
    expect(mails.map((m) => m.subject)).toEqual([
      `[${order}] Keukenservice Smit accepted the order`, `[${order}] Keukenservice Smit commented`,
      `[${order}] Keukenservice Smit started the work`, `[${order}] Keukenservice Smit reported the work done`,
    ]);
    expect(mails[1]!.text).toContain('Thursday morning');
    const audit = gw.store.log.after(0, 100_000).filter((e) => e.entity === `work-order:${order}` && e.type !== 'work-order-sent');
    expect(audit.every((e) => e.actor.startsWith(`vendor:${vendor}/`))).toBe(true);
  });

  it('tells the tenant when the vendor starts and finishes, on the tracking page and by mail, and records the times on the ticket', async () => {
    const { ticket, act } = await orderWithTenant('b@tenant.example');
    await act('accept');

    await act('start');
    await act('done', { notes: 'Sealed', minutes: 15 });

    const mails = await mailsTo('b@tenant.example');
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/^\[T-\d+\] Het werk is begonnen/), expect.stringMatching(/^\[T-\d+\] Klaar/)]));
    expect(mails.find((m) => m.subject?.includes('Klaar'))!.text).not.toContain('?rate=');
    const token = mails[0]!.text!.match(/\/track\/([A-Za-z0-9_-]+)/)![1]!;
    const track = (await gw.call('GET', `/api/track/${token}`)).body;
    expect(track.history.filter((h: { code?: string }) => h.code).map((h: { code: string }) => h.code)).toEqual(['work-started', 'work-done']);
    const recorded = (await gw.call('GET', `/api/tickets/${ticket}`, { cookie: hanna })).body.vendorWork;
    expect(recorded).toMatchObject({ startedAt: expect.any(String), doneAt: expect.any(String), resolutionMinutes: expect.any(Number) });
    expect(Date.parse(recorded.doneAt)).toBeGreaterThanOrEqual(Date.parse(recorded.startedAt));
  });
});
