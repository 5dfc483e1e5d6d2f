import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { sendRaw } from '../src/test-support/smtp-dialogue.ts';

const DOMAIN = 'bad.example.org';
const INBOX = `inquiries@${DOMAIN}`;
let gw: TestGateway;
let port: number;

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN }, publicUrl: 'https://doorside.example.org' });
  port = Number(gw.mail.smtp!.split(':').at(-1));
});
afterAll(async () => gw?.stop());

const outbox = () => join(gw.dir, 'outbox');
const tickets = () => gw.store.tickets.list({ limit: 100_000 });
const received = () => gw.store.log.after(0, 1_000_000).filter((e) => e.type === 'mail-received').length;
const counts = () => ({ tickets: tickets().length, received: received() });
async function metric(pattern: RegExp): Promise<number> {
  const body = String((await gw.call('GET', '/metrics')).body);
  const line = body.split('\n').find((l) => pattern.test(l));
  if (!line) throw new Error(`no metric ${pattern}`);
  return Number(line.split(' ').at(-1));
}
const refused = (reason: string) => metric(new RegExp(`^doorside_mail_received_total\\{outcome="refused",reason="${reason}"`));
const accepted = () => metric(/^doorside_mail_received_total\{outcome="accepted"/);
const defused = (what: string) => metric(new RegExp(`^doorside_mail_defused_total\\{what="${what}"[,}]`));
const ticketOf = (messageId: string) => gw.store.tickets.get(gw.mail.rows.ticketOf(messageId)!)!;
const emlCount = () => {
  try {
    return readdirSync(outbox()).filter((f) => f.endsWith('.eml')).length;
  } catch {
    return 0;
  }
};
/** The outgoing `.eml` files written after a count of them: their headers and the whole text. */
async function emlsAfter(before: number): Promise<{ headers: string; raw: string }[]> {
  await gw.mail.sender.kick();
  return readdirSync(outbox()).filter((f) => f.endsWith('.eml')).sort().slice(before)
    .map((f) => readFileSync(join(outbox(), f), 'utf8')).map((raw) => ({ headers: raw.split(/\r?\n\r?\n/)[0]!, raw }));
}

/** A zip whose one member inflates to 2 GiB of zeros: the same flushed 16 MiB deflate block 128 times over. */
function zipBomb(): Buffer {
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: 128 }, () => block), Buffer.from([0x03, 0x00])]);
  const name = Buffer.from('zeros.bin');
  const size = 128 * 16 * 1024 * 1024;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size >>> 0, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size >>> 0, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('mail bad input', () => {
  it('refuses a 30 MB mail with 552, writes nothing and counts it', async () => {
    const [before, metricBefore] = [counts(), await refused('too-large')];

    const { data } = await sendRaw(port, 'big@tenant.example', [INBOX], `Subject: big\r\n\r\n${`${'a'.repeat(998)}\r\n`.repeat(31_000)}`);

    expect(data.slice(0, 3)).toBe('552');
    expect(counts()).toEqual(before);
    expect(await refused('too-large')).toBe(metricBefore + 1);
  }, 60_000);

  it('takes 50 of 500 recipients (452 for the rest), once, and counts the refusals', async () => {
    const [before, metricBefore] = [counts(), await refused('too-many-recipients')];

    const { rcpt, data } = await sendRaw(port, 'many@tenant.example', Array.from({ length: 500 }, () => INBOX), 'From: many@tenant.example\r\nSubject: many\r\n\r\nmany');

    expect(rcpt.filter((r) => r.startsWith('250'))).toHaveLength(50);
    expect(rcpt.slice(50).every((r) => r.startsWith('452'))).toBe(true);
    expect(data.slice(0, 3)).toBe('250');
    expect(counts()).toEqual({ tickets: before.tickets + 1, received: before.received + 1 });
    expect(await refused('too-many-recipients')).toBe(metricBefore + 450);
  });

  it('stores broken MIME as an inquiry with the readable text and counts it', async () => {
    const [before, acceptedBefore, brokenBefore] = [counts(), await accepted(), await defused('broken-mime')];
    const broken = [
      'From: broken@tenant.example', 'Subject: broken parts', 'Message-ID: <broken@tenant.example>', 'Content-Type: multipart/mixed; boundary="zzz"', '',
      '--zzz', 'Content-Type: text/plain; charset=utf-8', '', 'The radiator in the hall is cold.', '--zzz',
      'Content-Type: text/plain', 'Content-Transfer-Encoding: base64', '', '%%%not base64%%%', '--zzz',
      'Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="x\u0000.bin"', '', '\u0000\u0001\u0002', '--zz',
    ].join('\r\n');

    const { data } = await sendRaw(port, 'broken@tenant.example', [INBOX], broken);

    expect(data.slice(0, 3)).toBe('250');
    const ticket = ticketOf('<broken@tenant.example>');
    expect(ticket.title).toBe('broken parts');
    expect(ticket.description).toContain('The radiator in the hall is cold.');
    expect(counts()).toEqual({ tickets: before.tickets + 1, received: before.received + 1 });
    expect(await accepted()).toBe(acceptedBefore + 1);
    expect(await defused('broken-mime')).toBe(brokenBefore + 1);
  });

  it('keeps CR and LF in a subject out of the acknowledgement headers and counts it', async () => {
    const [files, before] = [emlCount(), await defused('control-characters')];
    const evil = Buffer.from('Help\r\nBcc: victim@elsewhere.example\r\nX-Evil: 1', 'utf8').toString('base64');

    await sendRaw(port, 'inject@tenant.example', [INBOX], `From: inject@tenant.example\r\nMessage-ID: <inject@tenant.example>\r\nSubject: =?UTF-8?B?${evil}?=\r\n\r\nbody`);

    const [ack] = await emlsAfter(files);
    expect(ack!.headers).not.toMatch(/^(Bcc|X-Evil):/im);
    expect(ticketOf('<inject@tenant.example>').title).not.toMatch(/[\r\n]/);
    expect(await defused('control-characters')).toBe(before + 1);
  });

  it('keeps CR and LF in a reply text out of the outgoing headers', async () => {
    await sendRaw(port, 'replied@tenant.example', [INBOX], 'From: replied@tenant.example\r\nMessage-ID: <replied@tenant.example>\r\nSubject: please answer\r\n\r\nbody');
    const ticket = ticketOf('<replied@tenant.example>');
    const files = (await emlsAfter(0)).length;
    const cookie = await gw.login('rita');

    const res = await gw.call('POST', `/api/tickets/${ticket.id}/reply`, { cookie, body: { text: 'We are on it.\r\nBcc: x@y.example\r\nX-Evil: 1' } });

    expect(res.status).toBe(200);
    const out = await emlsAfter(files);
    expect(out).toHaveLength(1);
    expect(out[0]!.headers).not.toMatch(/^(Bcc|X-Evil):/im);
    expect(out[0]!.headers).toMatch(/^To: .*replied@tenant\.example/im);
  });

  it('stores HTML without its scripts, shows none on the tracking page, and counts it', async () => {
    const [files, before] = [emlCount(), await defused('active-html')];
    const html = '<p>Water on the floor</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';
    const mail = ['From: html@tenant.example', 'Message-ID: <html@tenant.example>', 'Subject: wet floor', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', html].join('\r\n');

    await sendRaw(port, 'html@tenant.example', [INBOX], mail);

    const ticket = ticketOf('<html@tenant.example>');
    expect(ticket.description).toContain('Water on the floor');
    expect(ticket.description).not.toMatch(/script|alert|onerror|javascript:/i);
    const [ack] = await emlsAfter(files);
    const token = /\/track\/([A-Za-z0-9_-]+)/.exec(ack!.raw)![1]!;
    const view = await gw.call('GET', `/api/track/${token}`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toMatch(/<script|onerror|javascript:/i);
    expect(await defused('active-html')).toBe(before + 1);
  });

  it('keeps a zip bomb byte for byte without unpacking it, and counts it', async () => {
    const bomb = zipBomb();
    const [before, archivesBefore] = [counts(), await defused('archive')];
    const rssBefore = process.memoryUsage().rss;
    const mail = [
      'From: zip@tenant.example', 'Message-ID: <zip@tenant.example>', 'Subject: logs attached', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'The logs.', '--b', 'Content-Type: application/zip; name="logs.zip"', 'Content-Disposition: attachment; filename="logs.zip"',
      'Content-Transfer-Encoding: base64', '', bomb.toString('base64').replace(/.{76}/g, '$&\r\n'), '--b--', '',
    ].join('\r\n');

    const { data } = await sendRaw(port, 'zip@tenant.example', [INBOX], mail);

    expect(data.slice(0, 3)).toBe('250');
    const ticket = ticketOf('<zip@tenant.example>');
    const zip = ticket.attachments.find((a) => a.name === 'logs.zip')!;
    expect(gw.mail.files.read(zip.id).equals(bomb)).toBe(true);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
    expect(counts()).toEqual({ tickets: before.tickets + 1, received: before.received + 1 });
    expect(await defused('archive')).toBe(archivesBefore + 1);
  }, 60_000);
});
