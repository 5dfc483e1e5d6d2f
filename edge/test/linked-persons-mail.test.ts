import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { sendRaw } from '../src/test-support/smtp-dialogue.ts';
import { outboxFiles, sentMails } from '../src/test-support/outbox.ts';

const DOMAIN = 'demo.example.org';
const INBOX = `inquiries@${DOMAIN}`;
const PUBLIC = 'https://doorside.example.org';
let gw: TestGateway;
let port: number;
let marco: string;
let eva: string;

const emls = () => outboxFiles(gw);
const sent = () => sentMails(gw);
/** The mails queued by what `act` does. */
async function mailsOf(act: () => Promise<unknown>): Promise<ParsedMail[]> {
  const before = (await sent()).length;
  await act();
  return (await sent()).slice(before);
}
const toOf = (mail: ParsedMail) => ([] as AddressObject[]).concat(mail.to ?? [])[0]?.value[0]?.address;
const linkIn = (mail: ParsedMail) => mail.text?.match(/https:\/\/doorside\.example\.org\/track\/([A-Za-z0-9_-]+)/)?.[1];
const newest = () => {
  const all = gw.store.tickets.list({ limit: 10_000 });
  return gw.store.tickets.get(`T-${Math.max(...all.map((t) => Number(t.id.slice(2))))}`)!;
};
const person = async (name: string, email: string, notifyByEmail: boolean, language = 'en') =>
  (await gw.call('POST', '/api/persons', { cookie: marco, body: { name, email, notifyByEmail, language } })).body.id as string;
const link = (ticket: string, persons: string[]) => gw.call('POST', `/api/tickets/${ticket}/links`, { cookie: marco, body: { persons } });
const reply = (ticket: string, text: string) => gw.call('POST', `/api/tickets/${ticket}/reply`, { cookie: marco, body: { text } });

async function mailedInquiry(from: string, subject: string) {
  const mails = await mailsOf(() => sendRaw(port, from, [INBOX], `From: ${from}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@tenant.example>\r\nSubject: ${subject}\r\n\r\nIt drips.`));
  return { ticket: newest(), ack: mails.at(-1)! };
}

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN }, publicUrl: PUBLIC });
  port = Number(gw.mail.smtp!.split(':').at(-1));
  [marco, eva] = [await gw.login('marco'), await gw.login('eva')];
});
afterAll(async () => gw?.stop());

describe('persons linked to a ticket are kept informed by mail', () => {
  it('tells a person just linked, in their language, with a tracking link of their own that opens the ticket', async () => {
    const { ticket, ack } = await mailedInquiry('kari@tenant.example', 'Tap leaking');
    const lin = await person('Lin Wei', 'lin@tenant.example', true, 'zh');

    const mails = await mailsOf(() => link(ticket.id, [lin]));

    expect(mails).toHaveLength(1);
    expect(toOf(mails[0]!)).toBe('lin@tenant.example');
    expect(mails[0]!.subject).toMatch(new RegExp(`^\\[${ticket.id}\\] `));
    expect(mails[0]!.headers.get('content-language')).toBe('zh');
    expect(mails[0]!.text).toContain(ticket.id);
    const token = linkIn(mails[0]!);
    expect(token).toBeDefined();
    expect(token).not.toBe(linkIn(ack));
    const view = await gw.call('GET', `/api/track/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.ticket).toBe(ticket.id);
    expect((await gw.call('GET', `/api/track/${linkIn(ack)}`)).body.ticket).toBe(ticket.id);
  });

  it('sends a reply once to the reporter and once to the linked person, each with their own link', async () => {
    const { ticket, ack } = await mailedInquiry('ola@tenant.example', 'Door stuck');
    const mei = await person('Mei', 'mei@tenant.example', true, 'nl');
    const [told] = await mailsOf(() => link(ticket.id, [mei]));

    const mails = await mailsOf(() => reply(ticket.id, 'We come tomorrow at nine.'));

    expect(mails.map(toOf).sort()).toEqual(['mei@tenant.example', 'ola@tenant.example']);
    const toMei = mails.find((m) => toOf(m) === 'mei@tenant.example')!;
    const toOla = mails.find((m) => toOf(m) === 'ola@tenant.example')!;
    expect(toMei.text).toContain('We come tomorrow at nine.');
    expect(toMei.headers.get('content-language')).toBe('nl');
    expect(linkIn(toMei)).toBe(linkIn(told!));
    expect(linkIn(toOla)).toBe(linkIn(ack));
  });

  it('tells the linked person when work starts and when it is done', async () => {
    const ticket = newest();
    await gw.call('POST', `/api/tickets/${ticket.id}/assign`, { cookie: marco, body: { assignee: 'eva' } });

    const mails = await mailsOf(async () => {
      await gw.call('POST', `/api/tickets/${ticket.id}/start`, { cookie: eva });
      await gw.call('POST', `/api/tickets/${ticket.id}/complete`, { cookie: eva });
    });

    expect(mails.map(toOf).sort()).toEqual(['mei@tenant.example', 'mei@tenant.example', 'ola@tenant.example', 'ola@tenant.example']);
  });

  it('stops mailing a person once unlinked, and never sends an internal comment', async () => {
    const { ticket } = await mailedInquiry('sven@tenant.example', 'Light out');
    const jan = await person('Jan', 'jan@tenant.example', true);
    await link(ticket.id, [jan]);

    const comment = await mailsOf(() => gw.call('POST', `/api/tickets/${ticket.id}/comment`, { cookie: marco, body: { text: 'Order a bulb', internal: true } }));
    await link(ticket.id, []);
    const mails = await mailsOf(() => reply(ticket.id, 'Fixed soon.'));

    expect(comment).toHaveLength(0);
    expect(mails.map(toOf)).toEqual(['sven@tenant.example']);
  });

  it('sends nothing to a linked person who does not want mail', async () => {
    const { ticket } = await mailedInquiry('nils@tenant.example', 'Window cracked');
    const quiet = await person('Quiet', 'quiet@tenant.example', false);

    const linked = await mailsOf(() => link(ticket.id, [quiet]));
    const replied = await mailsOf(() => reply(ticket.id, 'Glazier booked.'));

    expect(linked).toHaveLength(0);
    expect(replied.map(toOf)).toEqual(['nils@tenant.example']);
  });

  it('never writes twice to a reporter who is linked as well', async () => {
    const { ticket } = await mailedInquiry('Tor@tenant.example', 'Heater cold');
    const tor = await person('Tor', 'tor@tenant.example', true);

    const linked = await mailsOf(() => link(ticket.id, [tor]));
    const replied = await mailsOf(() => reply(ticket.id, 'On our way.'));

    expect(linked).toHaveLength(0);
    expect(replied.map(toOf)).toEqual(['Tor@tenant.example']);
  });
});
