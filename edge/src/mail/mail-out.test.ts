import { join } from 'node:path';
import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';
import { sendRaw } from '../test-support/smtp-dialogue.ts';
import { outboxFiles, sentMails } from '../test-support/outbox.ts';

const DOMAIN = 'demo.example.org';
const INBOX = `inquiries@${DOMAIN}`;
let gw: TestGateway;
let port: number;
let marco: string;
let eva: string;

const emls = () => outboxFiles(gw);
const sent = () => sentMails(gw);
const toOf = (mail: ParsedMail) => ([] as AddressObject[]).concat(mail.to ?? [])[0]?.value[0]?.address;
const newest = () => {
  const all = gw.store.tickets.list({ limit: 10_000 });
  return gw.store.tickets.get(`T-${Math.max(...all.map((t) => Number(t.id.slice(2))))}`)!;
};

/** A mail from a Norwegian reporter opens an inquiry; the acknowledgement goes out. */
async function mailedInquiry(from: string, subject: string) {
  await sendRaw(port, from, [INBOX], `From: ${from}\r\nContent-Language: nb\r\nMessage-ID: <${subject.replace(/\W/g, '')}@tenant.example>\r\nSubject: ${subject}\r\n\r\nDet drypper.`);
  const ticket = newest();
  const ack = (await sent()).filter((m) => m.subject?.startsWith(`[${ticket.id}]`)).at(-1)!;
  return { ticket, ack };
}

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN }, publicUrl: 'https://doorside.example.org' });
  port = Number(gw.mail.smtp!.split(':').at(-1));
  [marco, eva] = [await gw.login('marco'), await gw.login('eva')];
});
afterAll(async () => gw?.stop());

describe('mail out to the reporter', () => {
  it('mails a reply to the reporter in the thread, in their language, with the tracking link', async () => {
    const { ticket, ack } = await mailedInquiry('kari@tenant.example', 'Kran lekker');
    const before = emls().length;

    const res = await gw.call('POST', `/api/tickets/${ticket.id}/reply`, { cookie: marco, body: { text: 'Vi kommer i morgen kl. 9.' } });
    const mails = await sent();

    expect(res.status).toBe(200);
    expect(mails).toHaveLength(before + 1);
    const reply = mails.at(-1)!;
    expect(toOf(reply)).toBe('kari@tenant.example');
    expect(reply.subject).toMatch(new RegExp(`^\\[${ticket.id}\\] `));
    expect(reply.inReplyTo).toBe(ack.messageId);
    expect(reply.references).toEqual(expect.arrayContaining(['<Kranlekker@tenant.example>', ack.messageId]));
    expect(reply.replyTo!.value[0]!.address).toBe(ack.replyTo!.value[0]!.address);
    expect(reply.headers.get('content-language')).toBe('nb');
    expect(reply.text).toContain('Vi kommer i morgen kl. 9.');
    expect(reply.text).toContain('Hei,');
    const link = /https:\/\/doorside\.example\.org\/track\/\S+/;
    expect(reply.text!.match(link)?.[0]).toBe(ack.text!.match(link)?.[0]);
    expect(reply.html).toContain('Vi kommer i morgen kl. 9.');
  });

  it('sends nothing for a comment, internal or not', async () => {
    const ticket = newest();
    const before = (await sent()).length;

    await gw.call('POST', `/api/tickets/${ticket.id}/comment`, { cookie: marco, body: { text: 'Bestill pakning', internal: true } });
    await gw.call('POST', `/api/tickets/${ticket.id}/comment`, { cookie: marco, body: { text: 'Synlig notat', internal: false } });

    expect((await sent()).length).toBe(before);
  });

  it('tells the reporter once when work starts and once when it is done', async () => {
    const ticket = newest();
    const before = (await sent()).length;

    await gw.call('POST', `/api/tickets/${ticket.id}/assign`, { cookie: marco, body: { assignee: 'eva' } });
    const started = await gw.call('POST', `/api/tickets/${ticket.id}/start`, { cookie: eva });
    const done = await gw.call('POST', `/api/tickets/${ticket.id}/complete`, { cookie: eva });
    const mails = (await sent()).slice(before);

    expect([started.status, done.status]).toEqual([200, 200]);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.subject?.startsWith(`[${ticket.id}]`) && toOf(m) === 'kari@tenant.example')).toBe(true);
    expect(mails[0]!.text).toMatch(/arbeidet/i);
    expect(mails[1]!.text).toMatch(/ferdig/i);
  });

  it('tells nobody about a ticket whose reporter has no mail address', async () => {
    const room = gw.creds.rooms[0]!;
    const url = new URL(room.reportApi);
    const report = await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Bins full' } });
    const id = report.body.ticket.id as string;
    const [sofia, ana] = [await gw.login('sofia'), await gw.login('ana')];
    const before = (await sent()).length;

    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
    await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana });

    expect((await sent()).length).toBe(before);
  });

  it('mails a directory person who wants mail, in their language, and nobody who does not', async () => {
    const person = (email: string, notifyByEmail: boolean) => gw.call('POST', '/api/persons', { cookie: marco, body: { name: 'Piet', email, notifyByEmail, language: 'nl' } });
    const inquiry = async (id: string) => (await gw.call('POST', '/api/inquiries', {
      cookie: marco, body: { reporter: { person: id }, room: 'r201', category: 'supplies', title: 'Koffieautomaat lekt', description: 'Gebeld' },
    })).body.ticket.id as string;
    const wants = await inquiry((await person('piet@tenant.example', true)).body.id);
    const quiet = await inquiry((await person('stil@tenant.example', false)).body.id);
    const before = (await sent()).length;

    await gw.call('POST', `/api/tickets/${quiet}/reply`, { cookie: marco, body: { text: 'Komt eraan' } });
    await gw.call('POST', `/api/tickets/${wants}/reply`, { cookie: marco, body: { text: 'Morgen komt er iemand.' } });
    const mails = (await sent()).slice(before);

    expect(mails).toHaveLength(1);
    expect(toOf(mails[0]!)).toBe('piet@tenant.example');
    expect(mails[0]!.subject).toMatch(new RegExp(`^\\[${wants}\\] Antwoord: `));
    expect(mails[0]!.text).toContain('Morgen komt er iemand.');
  });

  it('attaches a follow-up mail\'s files to the ticket, for those who may view it to download', async () => {
    const { ticket, ack } = await mailedInquiry('per@tenant.example', 'Bilder av lekkasjen');
    const file = Buffer.from(Array.from({ length: 5_000 }, (_, i) => (i * 31) % 256));
    const mail = ['From: per@tenant.example', `To: ${ack.replyTo!.value[0]!.address}`, 'Subject: Re: bilder', 'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Her er bildet.', '--b',
      'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="maaling.bin"', 'Content-Transfer-Encoding: base64', '',
      file.toString('base64').replace(/.{76}/g, '$&\r\n'), '--b--', ''].join('\r\n');

    await sendRaw(port, 'per@tenant.example', [ack.replyTo!.value[0]!.address!], mail);
    const attached = gw.store.tickets.get(ticket.id)!.attachments.find((a) => a.name === 'maaling.bin');
    const download = await fetch(`${gw.http}/api/mail-attachments/${attached?.id}`, { headers: { cookie: marco } });
    const panel = await fetch(`${gw.http}/api/mail-attachments/${attached?.id}`, { headers: { cookie: await gw.panelLogin('r305') } });

    expect(attached).toBeDefined();
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(panel.status).toBe(404);
  });
});
