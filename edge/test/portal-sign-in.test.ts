import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { sentMails } from '../src/test-support/outbox.ts';

const PUBLIC = 'https://doorside.example.org';
let gw: TestGateway;
let now = Date.parse('2026-11-20T09:00:00.000Z');
const clock = () => new Date(now).toISOString();

const toOf = (mail: ParsedMail) => ([] as AddressObject[]).concat(mail.to ?? [])[0]?.value[0]?.address;
const cookieFrom = (headers: Headers) => headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const personId = (email: string) => gw.store.entries.personByEmail(email)!.id;

/** Asks for a link for the address and returns the token the mail carries, if a mail went out. */
async function linkFor(email: string): Promise<string | undefined> {
  const before = (await sentMails(gw)).length;
  const res = await gw.call('POST', '/api/portal/sign-in', { body: { email } });
  expect(res.status).toBe(202);
  const mails = (await sentMails(gw)).slice(before).filter((m) => toOf(m) === email);
  return mails.at(-1)?.text?.match(/https:\/\/doorside\.example\.org\/portal#link=([A-Za-z0-9_-]+)/)?.[1];
}

async function signIn(email: string): Promise<string> {
  const token = await linkFor(email);
  const res = await gw.call('POST', '/api/portal/session', { body: { token } });
  expect(res.status).toBe(200);
  return cookieFrom(res.headers);
}

beforeAll(async () => {
  gw = await startTestGateway({ demoInquiries: true, publicUrl: PUBLIC, clock, portalLimits: { perAddress: { max: 1000, windowMs: 60_000 }, perEmail: { max: 5, windowMs: 60_000 } } });
});
afterAll(async () => gw?.stop());

describe('tenant sign-in by a mailed link', () => {
  it('answers the same for a known and an unknown address, and mails a link on the public address only to the known one', async () => {
    const before = (await sentMails(gw)).length;

    const unknown = await gw.call('POST', '/api/portal/sign-in', { body: { email: 'nobody@nowhere.example' } });
    const known = await gw.call('POST', '/api/portal/sign-in', { body: { email: 'Lena.Brandt@nordlys.example' } });

    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const mails = (await sentMails(gw)).slice(before);
    expect(mails.map(toOf)).toEqual(['lena.brandt@nordlys.example']);
    expect(mails[0]!.text).toMatch(/^https:\/\/doorside\.example\.org\/portal#link=[A-Za-z0-9_-]{40,}$/m);
    expect(mails[0]!.headers.get('content-language')).toBe('nb');
  });

  it('opens a tenant session once per link: a second use is refused, and so is a late one', async () => {
    const token = await linkFor('sigrid.dahl@nordlys.example');
    const late = await linkFor('sigrid.dahl@nordlys.example');

    const first = await gw.call('POST', '/api/portal/session', { body: { token } });
    const again = await gw.call('POST', '/api/portal/session', { body: { token } });
    now += 16 * 60_000;
    const expired = await gw.call('POST', '/api/portal/session', { body: { token: late } });

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Sigrid Dahl', company: 'Nordlys AS', role: 'tenant' });
    expect(cookieFrom(first.headers)).toMatch(/^ds_session=/);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('SIGN_IN_LINK_USED');
    expect(expired.status).toBe(410);
    expect(expired.body.error).toBe('SIGN_IN_LINK_EXPIRED');
  });

  it('refuses a made-up token and a malformed body with 4xx, never 500', async () => {
    const made = await gw.call('POST', '/api/portal/session', { body: { token: 'A'.repeat(43) } });
    const bad = await gw.call('POST', '/api/portal/session', { body: { token: 5 } });
    const noEmail = await gw.call('POST', '/api/portal/sign-in', { body: { email: 'not an address' } });

    expect(made.status).toBe(404);
    expect(bad.status).toBe(400);
    expect(noEmail.status).toBe(400);
  });

  it('limits how often links are asked for one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await gw.call('POST', '/api/portal/sign-in', { body: { email: 'flood@nowhere.example' } })).status);

    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('what a tenant reads in the portal', () => {
  let lena: string;
  let sigrid: string;
  let mei: string;

  beforeAll(async () => {
    [lena, sigrid, mei] = [await signIn('lena.brandt@nordlys.example'), await signIn('sigrid.dahl@nordlys.example'), await signIn('mei.lin@harbour.example')];
  });

  it('lets a person file a request for a room of their unit only', async () => {
    const elsewhere = await gw.call('POST', '/api/portal/requests', { cookie: sigrid, body: { room: 'r301', category: 'cleaning', title: 'Spill', description: 'Coffee on the floor' } });
    const own = await gw.call('POST', '/api/portal/requests', { cookie: sigrid, body: { room: 'r202', category: 'cleaning', title: 'Spill', description: 'Coffee on the floor' } });

    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error).toBe('NOT_YOUR_UNIT');
    expect(own.status).toBe(201);
    expect(own.body.request).toMatchObject({ title: 'Spill', status: 'new', relation: 'reported', room: { id: 'r202' } });
  });

  it('shows a person their own requests, the administrator all of the company\'s, and another company none of them', async () => {
    const sigrids = (await gw.call('GET', '/api/portal/requests', { cookie: sigrid })).body.requests as { id: string; title: string; relation: string }[];
    const lenas = (await gw.call('GET', '/api/portal/requests', { cookie: lena })).body.requests as { id: string; title: string; relation: string }[];
    const meis = (await gw.call('GET', '/api/portal/requests', { cookie: mei })).body.requests as { id: string; title: string }[];
    const spill = sigrids.find((r) => r.title === 'Spill')!;
    const door = lenas.find((r) => r.title === 'Boardroom door does not lock')!;

    expect(sigrids.map((r) => r.title)).not.toContain('Boardroom door does not lock');
    expect(lenas.find((r) => r.id === spill.id)?.relation).toBe('company');
    expect(door.relation).toBe('reported');
    expect(meis.map((r) => r.id)).not.toContain(spill.id);
    expect(meis.map((r) => r.id)).not.toContain(door.id);
    expect((await gw.call('GET', `/api/portal/requests/${door.id}`, { cookie: mei })).status).toBe(404);
    expect((await gw.call('GET', `/api/portal/requests/${door.id}`, { cookie: sigrid })).status).toBe(404);
  });

  it('shows a request\'s timeline and replies, never the internal notes', async () => {
    const door = ((await gw.call('GET', '/api/portal/requests', { cookie: lena })).body.requests as { id: string; title: string }[])
      .find((r) => r.title === 'Boardroom door does not lock')!;

    const res = await gw.call('GET', `/api/portal/requests/${door.id}`, { cookie: lena });

    expect(res.status).toBe(200);
    expect(res.body.replies.map((r: { text: string }) => r.text)).toEqual(['Thank you, Lena. A technician will look at the door controller today.']);
    expect(res.body.timeline[0]).toMatchObject({ kind: 'status', status: 'new' });
    expect(JSON.stringify(res.body)).not.toContain('Salto service contract');
    expect(JSON.stringify(res.body)).not.toMatch(/rita|admin/);
  });

  it('shows a request shared with a person to them', async () => {
    const marco = await gw.login('marco');
    const door = ((await gw.call('GET', '/api/portal/requests', { cookie: lena })).body.requests as { id: string; title: string }[])
      .find((r) => r.title === 'Boardroom door does not lock')!;

    await gw.call('POST', `/api/tickets/${door.id}/links`, { cookie: marco, body: { persons: [personId('lena.brandt@nordlys.example'), personId('sigrid.dahl@nordlys.example')] } });
    const res = await gw.call('GET', `/api/portal/requests/${door.id}`, { cookie: sigrid });

    expect(res.status).toBe(200);
    expect(res.body.relation).toBe('shared');
  });

  it('keeps tenants off the staff routes', async () => {
    expect((await gw.call('GET', '/api/tickets', { cookie: lena })).status).toBe(403);
    expect((await gw.call('GET', '/api/persons', { cookie: lena })).status).toBe(403);
    expect((await gw.call('GET', '/api/portal/requests', { cookie: await gw.login('marco') })).status).toBe(403);
  });
});
