import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';
import { sendRaw } from '../test-support/smtp-dialogue.ts';

const DOMAIN = 'demo.example.org';
const INBOX = `inquiries@${DOMAIN}`;
let gw: TestGateway;
let port: number;

const client = () => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, tls: { rejectUnauthorized: false } });
const outbox = () => join(gw.dir, 'outbox');
const emls = () => readdirSync(outbox()).filter((f) => f.endsWith('.eml')).sort();
async function lastAck() {
  await gw.mail.sender.kick();
  const files = emls();
  return { raw: readFileSync(join(outbox(), files.at(-1)!), 'utf8'), count: files.length };
}
const ticketsNow = () => gw.store.tickets.list({ limit: 10_000 });
const newest = () => gw.store.tickets.get(`T-${Math.max(...ticketsNow().map((t) => Number(t.id.slice(2))))}`)!;

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN }, publicUrl: 'https://doorside.example.org' });
  port = Number(gw.mail.smtp!.split(':').at(-1));
});
afterAll(async () => gw?.stop());

describe('mail in', () => {
  it('opens an inquiry from a new mail without the quoted history and answers with the tracking link', async () => {
    await client().sendMail({
      from: 'Alice <alice@tenant.example>', to: INBOX, subject: 'Leaking tap in kitchen',
      text: 'The tap drips all day.\n\nOn Mon, 1 Dec 2026, Bob <bob@x.example> wrote:\n> earlier words\n',
    });

    const ticket = newest();
    const ack = await lastAck();
    const parsed = await simpleParser(ack.raw);
    expect(ticket.kind).toBe('inquiry');
    expect(ticket.title).toBe('Leaking tap in kitchen');
    expect(ticket.description).toBe('The tap drips all day.');
    expect(ticket.reporter.contact).toBe('alice@tenant.example');
    expect(parsed.subject).toMatch(new RegExp(`^\\[${ticket.id}\\] `));
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.replyTo!.value[0]!.address).toMatch(new RegExp(`^inquiries\\+${ticket.id.toLowerCase()}\\.[0-9a-f]{10}@${DOMAIN}$`));
    expect(parsed.inReplyTo).toBeTruthy();
    expect(parsed.messageId).toMatch(/^<t-\d+\./);
    expect(parsed.text).toContain('https://doorside.example.org/track/');
    expect(parsed.html).toContain('https://doorside.example.org/track/');
    const events = gw.store.log.after(0, 10_000).filter((e) => e.type === 'mail-received');
    expect(events.at(-1)!.state).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('threads a reply by its reply address, its In-Reply-To and its subject tag, without answering again', async () => {
    const ticket = newest();
    const first = await lastAck();
    const ack = await simpleParser(first.raw);

    await client().sendMail({ from: 'alice@tenant.example', to: ack.replyTo!.value[0]!.address!, subject: 'Re: x', text: 'Still dripping.' });
    await client().sendMail({ from: 'alice@tenant.example', to: INBOX, subject: 'Re: anything', inReplyTo: ack.messageId!, references: [ack.messageId!], text: 'And now louder.' });
    await client().sendMail({ from: 'alice@tenant.example', to: INBOX, subject: `About [${ticket.id}]`, text: 'Third note.' });

    const notes = gw.store.tickets.get(ticket.id)!.notes.map((n) => n.text).join('\n');
    expect(newest().id).toBe(ticket.id);
    expect(notes).toContain('Still dripping.');
    expect(notes).toContain('And now louder.');
    expect(notes).toContain('Third note.');
    expect((await lastAck()).count).toBe(first.count);
  });

  it('takes a reply address with a wrong mac for nobody (550)', async () => {
    const { rcpt } = await sendRaw(port, 'x@y.example', [`inquiries+t-1.0000000000@${DOMAIN}`, `someone@${DOMAIN}`, 'a@elsewhere.example'], 'Subject: x\r\n\r\nx');

    expect(rcpt.map((r) => r.slice(0, 3))).toEqual(['550', '550', '550']);
  });

  it('refuses a 30 MB mail while it streams in (552) and counts it', async () => {
    const big = `Subject: big\r\n\r\n${'a'.repeat(998)}\r\n`.repeat(31_000);

    const { data } = await sendRaw(port, 'big@tenant.example', [INBOX], big);
    const metrics = await gw.call('GET', '/metrics');

    expect(data.slice(0, 3)).toBe('552');
    expect(metrics.body).toMatch(/doorside_mail_received_total\{outcome="refused",reason="too-large"[^}]*\} [1-9]/);
  }, 60_000);

  it('refuses a mail that announces more than 25 MB with SIZE (552)', async () => {
    const { SmtpDialogue } = await import('../test-support/smtp-dialogue.ts');
    const { dialogue } = await SmtpDialogue.open(port);
    const ehlo = await dialogue.send('EHLO tests.example');

    const reply = await dialogue.send(`MAIL FROM:<a@b.example> SIZE=${30 * 1024 * 1024}`);
    dialogue.close();

    expect(ehlo).toContain(`SIZE ${25 * 1024 * 1024}`);
    expect(reply.slice(0, 3)).toBe('552');
  });

  it('takes at most 50 recipients of 500 (452 for the rest)', async () => {
    const to = Array.from({ length: 500 }, () => INBOX);

    const { rcpt, data } = await sendRaw(port, 'many@tenant.example', to, 'Subject: many\r\n\r\nmany');

    expect(rcpt.filter((r) => r.startsWith('250'))).toHaveLength(50);
    expect(rcpt.filter((r) => r.startsWith('452'))).toHaveLength(450);
    expect(data.slice(0, 3)).toBe('250');
  });

  it('keeps CR and LF from a subject out of the acknowledgement headers', async () => {
    const evil = Buffer.from('Help\r\nBcc: victim@elsewhere.example\r\nX-Evil: 1', 'utf8').toString('base64');

    await sendRaw(port, 'inject@tenant.example', [INBOX], `From: inject@tenant.example\r\nSubject: =?UTF-8?B?${evil}?=\r\n\r\nbody`);
    const { raw } = await lastAck();

    const headers = raw.split(/\r?\n\r?\n/)[0]!;
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(headers).not.toMatch(/^X-Evil:/im);
    expect(newest().title).not.toMatch(/[\r\n]/);
  });

  it('keeps attachments and inline images byte for byte and makes the HTML safe', async () => {
    const file = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d9d6a50000000049454e44ae426082', 'hex');

    await client().sendMail({
      from: 'files@tenant.example', to: INBOX, subject: 'Photos',
      html: '<p>See <b>this</b></p><script>alert(1)</script><img src="cid:pic1" onerror="alert(2)"><a href="javascript:alert(3)">x</a>',
      attachments: [{ filename: 'data.bin', content: file }, { filename: 'pic.png', content: png, cid: 'pic1' }],
    });

    const ticket = newest();
    const byName = Object.fromEntries(ticket.attachments.map((a) => [a.name, a]));
    expect(gw.mail.files.read(byName['data.bin']!.id).equals(file)).toBe(true);
    expect(gw.mail.files.read(byName['pic.png']!.id).equals(png)).toBe(true);
    const html = gw.mail.files.read(byName['message.html']!.id).toString('utf8');
    expect(html).toContain('<b>this</b>');
    expect(html).not.toMatch(/script|onerror|javascript:/i);
    expect(ticket.description).toContain('See this');
  });

  it('stores a mail with broken MIME safely as an inquiry', async () => {
    const broken = 'From: broken@tenant.example\r\nSubject: broken\r\nContent-Type: multipart/mixed; boundary="zzz"\r\n\r\n--zzz\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n--zzz\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="x\u0000.bin"\r\n\r\n\u0000\u0001\u0002';

    const { data } = await sendRaw(port, 'broken@tenant.example', [INBOX], broken);

    expect(data.slice(0, 3)).toBe('250');
    expect(newest().title).toBe('broken');
  });

  it('does not answer automatic mail, list mail, its own loop or a mailer daemon', async () => {
    const before = (await lastAck()).count;

    await sendRaw(port, 'robot@tenant.example', [INBOX], 'From: robot@tenant.example\r\nAuto-Submitted: auto-replied\r\nSubject: Out of office\r\n\r\nAway.');
    await sendRaw(port, 'list@tenant.example', [INBOX], 'From: list@tenant.example\r\nPrecedence: bulk\r\nSubject: News\r\n\r\nNews.');
    await sendRaw(port, 'loop@tenant.example', [INBOX], `From: loop@tenant.example\r\nX-Loop: ${INBOX}\r\nSubject: Loop\r\n\r\nLoop.`);
    await sendRaw(port, 'MAILER-DAEMON@tenant.example', [INBOX], 'From: MAILER-DAEMON@tenant.example\r\nSubject: failure\r\n\r\nx');

    expect((await lastAck()).count).toBe(before);
  });

  it('ends an auto-responder ping-pong after one acknowledgement', async () => {
    const before = (await lastAck()).count;

    for (let i = 0; i < 3; i++) await sendRaw(port, 'pingpong@tenant.example', [INBOX], `From: pingpong@tenant.example\r\nSubject: I am away ${i}\r\n\r\nAway ${i}.`);

    expect((await lastAck()).count).toBe(before + 1);
  });

  it('marks an address undeliverable after a permanent bounce and does not answer it', async () => {
    const dsn = [
      'From: MAILER-DAEMON@relay.example', 'To: inquiries@demo.example.org', 'Subject: Undelivered Mail', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain', '', 'Delivery failed.', '',
      '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; relay.example', '',
      'Final-Recipient: rfc822; gone@tenant.example', 'Action: failed', 'Status: 5.1.1', '', '--b1--', '',
    ].join('\r\n');

    await sendRaw(port, '', [INBOX], dsn);
    const before = (await lastAck()).count;
    await sendRaw(port, 'gone@tenant.example', [INBOX], 'From: gone@tenant.example\r\nSubject: hello\r\n\r\nhello');

    expect(gw.mail.rows.isUndeliverable('gone@tenant.example')).toBe(true);
    expect((await lastAck()).count).toBe(before);
  });

  it('shows on the ticket read that the reporter\'s address is undeliverable', async () => {
    const ticket = newest();
    const cookie = await gw.login('admin');

    const read = await gw.call('GET', `/api/tickets/${ticket.id}`, { cookie });

    expect(ticket.reporter.contact).toBe('gone@tenant.example');
    expect(read.status).toBe(200);
    expect(read.body.contactUndeliverable).toBe(true);
  });

  it('takes the same message twice only once, but a reused Message-ID with another body is taken in', async () => {
    const message = (body: string) => `From: dup@tenant.example\r\nMessage-ID: <same@tenant.example>\r\nSubject: dup ${body}\r\n\r\n${body}`;
    const count = () => ticketsNow().length;
    const before = count();

    await sendRaw(port, 'dup@tenant.example', [INBOX], message('one'));
    await sendRaw(port, 'dup@tenant.example', [INBOX], message('one'));
    await sendRaw(port, 'dup@tenant.example', [INBOX], message('two'));

    expect(count()).toBe(before + 2);
  });
});
