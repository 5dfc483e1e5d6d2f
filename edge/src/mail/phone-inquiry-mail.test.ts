import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';
import { sendRaw } from '../test-support/smtp-dialogue.ts';
import { sentMails } from '../test-support/outbox.ts';

const DOMAIN = 'demo.example.org';
const PUBLIC = 'https://doorside.example.org';
let gw: TestGateway;
let port: number;

const sent = () => sentMails(gw);
const toOf = (mail: ParsedMail) => ([] as AddressObject[]).concat(mail.to ?? [])[0]?.value[0]?.address;
const aboutTicket = (mails: ParsedMail[], id: string) => mails.filter((m) => m.subject?.startsWith(`[${id}]`));

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN }, publicUrl: PUBLIC });
  port = Number(gw.mail.smtp!.split(':').at(-1));
});
afterAll(async () => gw?.stop());

describe("an inquiry taken by phone for a person with a mail address", () => {
  it("mails the reporter a reply that carries the tracking link on the public address, and the link opens that ticket", async () => {
    const sofia = await gw.login('sofia');
    const person = (await gw.call('POST', '/api/persons', { cookie: sofia, body: { name: 'Lena Brandt', email: 'lena@nordlys.example', notifyByEmail: true } })).body.id as string;
    const made = await gw.call('POST', '/api/inquiries', {
      cookie: await gw.login('ana'), body: { reporter: { person }, room: 'r201', category: 'cleaning', title: 'Lift noise', description: 'Called about a grinding lift' },
    });
    expect(made.status).toBe(201);
    const id = made.body.ticket.id as string;

    const replied = await gw.call('POST', `/api/tickets/${id}/reply`, { cookie: await gw.login('marco'), body: { text: 'A technician comes at nine.' } });
    expect(replied.status).toBe(200);

    const reply = aboutTicket(await sent(), id).find((m) => m.text?.includes('A technician comes at nine.'));
    expect(reply && toOf(reply)).toBe('lena@nordlys.example');
    const link = reply!.text!.match(new RegExp(`${PUBLIC}/track/[A-Za-z0-9_-]+`))?.[0];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname;
    expect((await fetch(`${gw.http}${path}`)).status).toBe(200);
    const view = await gw.call('GET', `/api/track/${path.split('/').at(-1)}`);
    expect(view.status).toBe(200);
    expect(view.body.ticket).toBe(id);
  });

  it('still acknowledges an inquiry that came in by mail once, not twice', async () => {
    await sendRaw(port, 'kari@tenant.example', [`inquiries@${DOMAIN}`], 'From: kari@tenant.example\r\nMessage-ID: <drip@tenant.example>\r\nSubject: Tap drips\r\n\r\nThe tap drips.');
    const all = gw.store.tickets.list({ limit: 10_000 });
    const id = `T-${Math.max(...all.map((t) => Number(t.id.slice(2))))}`;

    expect(aboutTicket(await sent(), id)).toHaveLength(1);
  });
});
