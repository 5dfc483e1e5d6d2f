import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';
import { sendRaw } from '../test-support/smtp-dialogue.ts';
import { actorOf } from '../rights/actor.ts';

const DOMAIN = 'home.example.org';
const INBOX = `inquiries@${DOMAIN}`;
let gw: TestGateway;
let port: number;

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN }, demoInquiries: true });
  port = Number(gw.mail.smtp!.split(':').at(-1));
});
afterAll(async () => gw?.stop());

const b64 = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
async function mailIn(from: string, subject: string, language?: string) {
  const marker = `m${Math.random().toString(36).slice(2)}`;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const header = language ? `Content-Language: ${language}\r\n` : '';
  const { data } = await sendRaw(port, address, [INBOX], `From: ${from}\r\nTo: ${INBOX}\r\n${header}Subject: ${b64(subject)}\r\nMessage-ID: <${marker}@x.example>\r\n\r\nbody\r\n`);
  expect(data.slice(0, 3)).toBe('250');
  return gw.store.tickets.get(gw.mail.rows.ticketOf(`<${marker}@x.example>`)!)!;
}
const person = (email: string) => gw.store.entries.persons.list().find((p) => p.email === email)!;
const unitOf = (company: string) => gw.store.entries.units.list().find((u) => u.company === company)!;

describe('where a new mail inquiry is filed', () => {
  it('files a known sender in the first room of their unit and links them and the unit', async () => {
    const ticket = await mailIn('Mei.Lin@Harbour.example', 'Projector broken in Boardroom');

    expect(ticket.room).toBe('r301');
    expect(ticket.links?.persons).toEqual([person('mei.lin@harbour.example').id]);
    expect(ticket.links?.unit).toBe(unitOf('Harbour Trading Ltd').id);
    expect(ticket.reporter.contact).toBe('Mei.Lin@Harbour.example');
  });

  it('files a sender in their own unit before the unit their company suggests', async () => {
    const admin = actorOf(gw.store.directory.user('admin')!.user);
    const tulp = unitOf('Tulp Advies BV');
    gw.commands.run(admin, { directory: true }, {
      type: 'create-person', person: { name: 'Sam Visitor', company: 'Harbour Trading Ltd', email: 'sam@harbour.example', phone: null, language: 'en', notifyByEmail: true, unit: tulp.id },
    });

    const ticket = await mailIn('sam@harbour.example', 'Coffee machine empty');

    expect(ticket.room).toBe('r102');
    expect(ticket.links?.unit).toBe(tulp.id);
  });

  it('falls back to the unit of the sender\'s company when they belong to no unit', async () => {
    const admin = actorOf(gw.store.directory.user('admin')!.user);
    gw.commands.run(admin, { directory: true }, {
      type: 'create-person', person: { name: 'Kim Nord', company: 'Nordlys AS', email: 'kim@nordlys.example', phone: null, language: 'nb', notifyByEmail: true, unit: null },
    });

    const ticket = await mailIn('kim@nordlys.example', 'Printer jammed');

    expect(ticket.room).toBe('r201');
    expect(ticket.links?.unit).toBe(unitOf('Nordlys AS').id);
  });

  it('files an unknown sender in a room named in the subject, by id or by name', async () => {
    const byName = await mailIn('stranger@elsewhere.example', 'Light broken in the meeting room tulip today');
    const byId = await mailIn('stranger2@elsewhere.example', 'Problem in R205: no heat');

    expect(byName.room).toBe('r202');
    expect(byId.room).toBe('r205');
  });

  it('keeps an unknown sender as a new contact, linked to the inquiry, and finds the same contact next time', async () => {
    const first = await mailIn('"Astrid Berg" <Astrid.Berg@fjord.example>', 'Lys i gangen virker ikke', 'nb');
    const second = await mailIn('astrid.berg@FJORD.example', 'Again: the corridor light');

    const kept = gw.store.entries.persons.list().filter((p) => p.email?.toLowerCase() === 'astrid.berg@fjord.example');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ name: 'Astrid Berg', email: 'Astrid.Berg@fjord.example', language: 'nb', notifyByEmail: true, company: null, unit: null });
    expect(first.links?.persons).toEqual([kept[0]!.id]);
    expect(second.links?.persons).toEqual([kept[0]!.id]);
    const added = gw.store.log.after(0, 100_000).filter((e) => e.type === 'person-created' && e.entity === `person:${kept[0]!.id}`);
    expect(added.map((e) => e.actor)).toEqual(['mail']);
  });

  it('names a contact by their address when the mail gives no name', async () => {
    const ticket = await mailIn('noname@fjord.example', 'Parking question');

    const person = gw.store.entries.persons.get(ticket.links!.persons[0]!);
    expect(person).toMatchObject({ name: 'noname@fjord.example', email: 'noname@fjord.example', language: 'en' });
  });

  it('finds a room by its name in another language, word-bounded', async () => {
    gw.commands.run(actorOf(gw.store.directory.user('admin')!.user), { room: 'r203' }, { type: 'set-names', names: { nb: 'Stillerommet', zh: '安静室' } });

    const nb = await mailIn('stranger3@elsewhere.example', 'Det er kaldt i stillerommet');
    const zh = await mailIn('stranger4@elsewhere.example', '安静室的灯坏了');
    const partial = await mailIn('stranger5@elsewhere.example', 'Boardrooms everywhere are cold');

    expect(nb.room).toBe('r203');
    expect(zh.room).toBe('r203');
    expect(partial.room).toBe('r101');
  });

  it('files the rest in the site default home as before', async () => {
    const ticket = await mailIn('nobody@elsewhere.example', 'A question about parking');

    expect(ticket.room).toBe('r101');
    expect(ticket.category).toBe('supplies');
  });
});
