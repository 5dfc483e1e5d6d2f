import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MailOptions } from '../src/mail/gateway-mail.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { dovecotBinary, dovecotTitle, rawMail, startDovecot, type RunningDovecot } from './support/dovecot.ts';

const DOMAIN = 'demo.example.org';
const INBOX = `inquiries@${DOMAIN}`;
let dovecot: RunningDovecot;
const running: TestGateway[] = [];

const fast = { backoff: { minMs: 100, maxMs: 400 } };
async function gateway(imap: Partial<NonNullable<MailOptions['imap']>> = {}, dataDir?: string): Promise<TestGateway> {
  const gw = await startTestGateway({
    mail: { smtpPort: null, domain: DOMAIN, imap: { url: dovecot.url, ...fast, ...imap } }, publicUrl: 'https://doorside.example.org',
    ...(dataDir ? { dataDir } : {}),
  });
  running.push(gw);
  return gw;
}
const inquiries = (gw: TestGateway) => gw.store.tickets.list({ limit: 10_000 }).filter((t) => t.kind === 'inquiry' && t.reporter.contact?.endsWith('@tenant.example'));
const inbound = (gw: TestGateway) => (gw.store.db.prepare("SELECT count(*) AS n FROM mail_messages WHERE direction = 'in'").get() as { n: number }).n;
const takenRows = (gw: TestGateway) => (gw.store.db.prepare('SELECT count(*) AS n FROM mail_imap_taken').get() as { n: number }).n;
async function until(what: () => boolean | Promise<boolean>, timeoutMs = 15_000, label = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error(`no ${label} within ${timeoutMs} ms`);
    await sleep(10);
  }
}

beforeAll(async () => {
  if (dovecotBinary) dovecot = await startDovecot();
});
afterEach(async () => {
  for (const gw of running.splice(0)) await gw.stop().catch(() => {});
  await dovecot?.start();
});
afterAll(async () => dovecot?.remove());

describe.skipIf(!dovecotBinary)(dovecotTitle('mail pulled from an IMAP mailbox'), () => {
  it('makes an appended mail an inquiry, then threads a later reply onto it (IDLE), and flags both seen', async () => {
    const gw = await gateway();
    const id = `<first.${Date.now()}@tenant.example>`;

    await dovecot.append(rawMail({ from: 'Dana <dana@tenant.example>', to: INBOX, subject: 'Heater in 3.14 is cold', text: 'No heat since Monday.', messageId: id }));
    await until(() => inquiries(gw).some((t) => t.title === 'Heater in 3.14 is cold'), 15_000, 'inquiry');
    const ticket = inquiries(gw).find((t) => t.title === 'Heater in 3.14 is cold')!;
    await dovecot.append(rawMail({ from: 'dana@tenant.example', to: INBOX, subject: 'Re: heater', text: 'Still cold today.', inReplyTo: id }));
    await until(() => gw.store.tickets.get(ticket.id)!.notes.some((n) => n.text.includes('Still cold today.')), 15_000, 'threaded reply');

    expect(ticket.description).toBe('No heat since Monday.');
    expect(ticket.reporter.contact).toBe('dana@tenant.example');
    expect(inquiries(gw).filter((t) => t.title.startsWith('Re:'))).toEqual([]);
    await until(async () => (await dovecot.count()).seen === 2, 5_000, 'both flagged seen');
    expect(gw.mail.imap).toBe(dovecot.url.replace(`:${dovecot.password}`, ''));
    expect(gw.creds.mail?.imap).toBe(gw.mail.imap);
  }, 60_000);

  it('takes mail in by the re-check when IDLE brings nothing', async () => {
    const { exists } = await dovecot.count();
    const gw = await gateway({ idle: false, recheckMs: 700 });
    await until(() => takenRows(gw) >= exists, 10_000, 'first sweep');
    const before = inquiries(gw).length;

    await dovecot.append(rawMail({ from: 'eve@tenant.example', to: INBOX, subject: 'Lamp out in the stairwell', text: 'Third floor.' }));
    await until(() => inquiries(gw).length === before + 1, 10_000, 'inquiry by the re-check');

    expect(inquiries(gw).at(-1)!.title).toBe('Lamp out in the stairwell');
  }, 60_000);

  it('takes 30 messages in exactly once over three fetches, the first cut off midway and the second stopped midway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorside-imap-'));
    const { exists } = await dovecot.count();
    const probe = await gateway({}, dir);
    await until(() => takenRows(probe) >= exists, 10_000, 'earlier messages');
    const base = { inquiries: inquiries(probe).length, inbound: inbound(probe), taken: takenRows(probe) };
    await probe.close();
    running.splice(running.indexOf(probe), 1);
    for (let i = 0; i < 30; i++) await dovecot.append(rawMail({ from: `p${i}@tenant.example`, to: INBOX, subject: `Batch ${i}`, text: `Message ${i}` }));

    // First fetch: the server cuts every session once some of the batch is in.
    const first = await gateway({}, dir);
    await until(() => takenRows(first) >= base.taken + 3, 15_000, 'a few taken in');
    const atCut = takenRows(first) - base.taken;
    dovecot.kickAll();
    await until(() => takenRows(first) >= base.taken + 10, 15_000, 'more after the reconnect');
    // Second fetch: the gateway stops in the middle of the batch.
    const atStop = takenRows(first) - base.taken;
    await first.close();
    running.splice(running.indexOf(first), 1);
    const second = await gateway({}, dir);
    await until(() => takenRows(second) >= base.taken + 30, 30_000, 'the whole batch');
    await second.close();
    running.splice(running.indexOf(second), 1);
    // Third fetch: nothing new.
    const third = await gateway({ recheckMs: 300 }, dir);
    await sleep(1_500);

    const titles = inquiries(third).map((t) => t.title).filter((t) => t.startsWith('Batch '));
    expect(atCut).toBeLessThan(30);
    expect(atStop).toBeLessThan(30);
    expect(titles.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `Batch ${i}`).sort());
    expect(inquiries(third).length).toBe(base.inquiries + 30);
    expect(inbound(third)).toBe(base.inbound + 30);
    expect(takenRows(third)).toBe(base.taken + 30);
    await third.stop();
    running.splice(running.indexOf(third), 1);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('writes neither the ticket nor the mail when the record of where it sat fails, and both once it succeeds', async () => {
    const { exists } = await dovecot.count();
    const gw = await gateway({ recheckMs: 60_000 });
    await until(() => takenRows(gw) >= exists, 30_000, 'the mailbox taken in');
    const raw = Buffer.from(rawMail({ from: 'gus@tenant.example', to: INBOX, subject: 'Window will not close', text: 'Room 5.02.' }));
    const before = { inquiries: inquiries(gw).length, inbound: inbound(gw) };

    const failed = await gw.mail.inbound.receive(raw, { from: 'gus@tenant.example', to: [] }, () => { throw new Error('disk full'); }).catch((e: Error) => e.message);
    const after = { inquiries: inquiries(gw).length, inbound: inbound(gw) };
    let recorded = 0;
    const again = await gw.mail.inbound.receive(raw, { from: 'gus@tenant.example', to: [] }, () => { recorded++; });

    expect(failed).toBe('disk full');
    expect(after).toEqual(before);
    expect(again.outcome).toBe('opened');
    expect(recorded).toBe(1);
    expect(inquiries(gw).length).toBe(before.inquiries + 1);
  }, 60_000);

  it('starts with the server down, counts the failures, and takes mail in once it is back', async () => {
    await dovecot.stop();
    const gw = await gateway();
    await sleep(600);
    const metrics = await gw.call('GET', '/metrics');
    const failures = Number(/doorside_mail_imap_failures_total(?:{[^}]*})? (\d+)/.exec(metrics.body)?.[1] ?? 0);
    const health = await gw.call('GET', '/health');

    await dovecot.start();
    await dovecot.append(rawMail({ from: 'finn@tenant.example', to: INBOX, subject: 'Door sticks at the loading bay', text: 'Hard to open.' }));
    await until(() => inquiries(gw).some((t) => t.title === 'Door sticks at the loading bay'), 20_000, 'inquiry after the server came back');

    expect(health.status).toBe(200);
    expect(failures).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
