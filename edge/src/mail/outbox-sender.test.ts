import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.sqlite.ts';
import type { Db } from '../store/database.sqlite.ts';
import { acknowledgement } from './acknowledgement.ts';
import { MailRows } from './mail-rows.sqlite.ts';
import { OutboxSender } from './outbox-sender.ts';
import { ReplyAddresses } from './reply-address.ts';

let dir: string;
let db: Db;
let rows: MailRows;
let now: string;
const clock = () => now;
const addresses = new ReplyAddresses('secret', 'demo.example.org');
const ack = (ticket: string, title = 'Leaking tap') => acknowledgement({
  ticket, title, to: 'alice@tenant.example', language: 'nb', trackUrl: 'https://doorside.example.org/track/abc', addresses,
  siteName: 'Demo, House', loopId: addresses.inbox, inReplyTo: '<m1@tenant.example>', references: ['<m0@tenant.example>', '<m1@tenant.example>'],
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorside-outbox-'));
  db = openDatabase(join(dir, 'site.sqlite'));
  rows = new MailRows(db);
  now = '2026-12-01T10:00:00.000Z';
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the outbox', () => {
  it('writes a queued mail once as an .eml with its thread headers, both parts and the reporter\'s language', async () => {
    const sender = new OutboxSender(rows, { dir: join(dir, 'outbox'), clock });
    const mail = ack('T-7');
    rows.queue(mail, 'T-7', now);

    await sender.kick();
    await sender.kick();

    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', files[0]!)));
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.inReplyTo).toBe('<m1@tenant.example>');
    expect(parsed.references).toEqual(['<m0@tenant.example>', '<m1@tenant.example>']);
    expect(parsed.replyTo!.value[0]!.address).toBe(addresses.replyTo('T-7'));
    expect(parsed.from!.value[0]).toMatchObject({ name: 'Demo, House', address: addresses.inbox });
    expect(parsed.subject).toBe('[T-7] Vi har mottatt meldingen din: Leaking tap');
    expect(parsed.text).toContain('Takk. Meldingen din er registrert som T-7.');
    expect(parsed.html).toContain('https://doorside.example.org/track/abc');
    expect(rows.pending()).toBe(0);
  });

  it('retries through the relay with backoff and sends each mail once, with the same Message-ID', async () => {
    const received: string[] = [];
    let refuse = true;
    const relay = new SMTPServer({
      authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (refuse) return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const port = (relay.server.address() as { port: number }).port;
    const sender = new OutboxSender(rows, { smtpUrl: `smtp://127.0.0.1:${port}/?ignoreTLS=true`, dir: join(dir, 'outbox'), clock });
    const mail = ack('T-8');
    rows.queue(mail, 'T-8', now);

    await sender.kick();
    refuse = false;
    await sender.kick();
    const early = received.length;
    now = '2026-12-01T10:01:00.000Z';
    await sender.kick();
    await sender.kick();
    await sender.stop();
    await new Promise<void>((resolve) => relay.close(() => resolve()));

    expect(early).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain(`Message-ID: ${mail.messageId}`);
    expect(rows.pending()).toBe(0);
  });

  it('refuses to keep a header with a line break', () => {
    const mail = { ...ack('T-9'), subject: 'Help\r\nBcc: victim@elsewhere.example' };

    expect(() => rows.queue(mail, 'T-9', now)).toThrow(/line break/);
    expect(rows.pending()).toBe(0);
  });
});
