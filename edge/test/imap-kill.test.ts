import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dovecotBinary, dovecotTitle, startDovecot, type RunningDovecot } from './support/dovecot.ts';
import { freePort, gatewayProcess, killAll, type Proc, run, scripts } from './support/processes.ts';

/**
 * The IMAP pull against a gateway process ended with SIGKILL in the middle of a batch, twice:
 * whatever a killed process took in stays taken in once, and the rest comes in on the next start.
 */

const TOTAL = 60;
let dovecot: RunningDovecot;
const dirs: string[] = [];

beforeAll(async () => {
  if (dovecotBinary) dovecot = await startDovecot();
});
afterEach(async () => {
  await killAll();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => dovecot?.remove());

/** A message as a tenant's phone sends it; every third one carries a file, so its fetch takes a while. */
function tenantMail(i: number, messageId: string): string {
  const head = [`From: tenant${i}@tenant.example`, 'To: inquiries@demo.example.org', `Subject: Killed batch ${i}`, `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString()}`, 'MIME-Version: 1.0'];
  if (i % 3 !== 0) return [...head, 'Content-Type: text/plain; charset=utf-8', '', `Message ${i} of the batch.`, ''].join('\r\n');
  const file = randomBytes(300 * 1024).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [...head, 'Content-Type: multipart/mixed; boundary="part"', '',
    '--part', 'Content-Type: text/plain; charset=utf-8', '', `Message ${i} of the batch, with the meter reading.`, '',
    '--part', `Content-Type: application/pdf; name="reading-${i}.pdf"`, `Content-Disposition: attachment; filename="reading-${i}.pdf"`,
    'Content-Transfer-Encoding: base64', '', file, '--part--', ''].join('\r\n');
}

interface Counts { taken: number; inbound: number; inquiries: number }

/** Reads the gateway's file read-only, as another process would; zeros before the file and its tables exist. */
function counts(file: string): Counts {
  if (!existsSync(file)) return { taken: 0, inbound: 0, inquiries: 0 };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 2000');
    const one = (sql: string) => (db!.prepare(sql).get() as { n: number }).n;
    return {
      taken: one('SELECT count(*) AS n FROM mail_imap_taken'),
      inbound: one("SELECT count(*) AS n FROM mail_messages WHERE direction = 'in'"),
      inquiries: one("SELECT count(*) AS n FROM tickets WHERE json_extract(doc, '$.kind') = 'inquiry' AND json_extract(doc, '$.reporter.contact') LIKE '%@tenant.example'"),
    };
  } catch (error) {
    if (/no such table|unable to open|SQLITE_CANTOPEN/i.test((error as Error).message)) return { taken: 0, inbound: 0, inquiries: 0 };
    throw error;
  } finally {
    db?.close();
  }
}

/** Polls until `done` holds; throws with the process's output when it ends first or time runs out. */
async function until(proc: Proc, file: string, done: (c: Counts) => boolean, timeoutMs: number, label: string): Promise<Counts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = counts(file);
    if (done(c)) return c;
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`the gateway ended before ${label}:\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${label} within ${timeoutMs} ms (${JSON.stringify(c)}):\n${proc.output()}`);
    await sleep(5);
  }
}

describe.skipIf(!dovecotBinary)(dovecotTitle('an IMAP pull killed with SIGKILL mid-batch'), () => {
  it(`takes ${TOTAL} messages in exactly once over three gateway processes, the first two killed midway`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorside-imap-kill-'));
    dirs.push(dir);
    const file = join(dir, 'demo.sqlite');
    const ids = Array.from({ length: TOTAL }, (_, i) => `<kill.${i}.${randomBytes(6).toString('hex')}@tenant.example>`);
    for (let i = 0; i < TOTAL; i++) await dovecot.append(tenantMail(i, ids[i]!));
    const [httpPort, mqttPort] = [await freePort(), await freePort()];
    const env = { DOORSIDE_IMAP_URL: dovecot.url, DOORSIDE_SMTP_PORT: 'off', DOORSIDE_BACKUP: 'off', DOORSIDE_MAIL_DOMAIN: 'demo.example.org' };
    const start = () => gatewayProcess(dir, httpPort, mqttPort, env);

    // Killed on a ticket, not on the record of where its mail sat: right after the write that
    // would leave a ticket without its record if the two were not one transaction.
    // First process: killed at the first inquiry it opened.
    const first = start();
    const atFirstKill = (await until(first, file, (c) => c.inquiries >= 1, 30_000, 'a first inquiry')).inquiries;
    await first.kill('SIGKILL');
    const afterFirst = counts(file);
    // Second process: killed once it took in a good part more, if it has not taken in the rest by then.
    const second = start();
    const atSecondKill = (await until(second, file, (c) => c.inquiries >= Math.min(afterFirst.inquiries + 20, TOTAL), 30_000, 'more inquiries')).inquiries;
    await second.kill('SIGKILL');
    const afterSecond = counts(file);
    // Third process: left to finish, then given a moment to take in anything twice.
    const third = start();
    await until(third, file, (c) => c.taken >= TOTAL, 30_000, 'the whole batch');
    await sleep(1_500);
    const final = counts(file);
    await third.kill('SIGTERM');

    const db = new Database(file, { readonly: true, fileMustExist: true });
    const perMessageId = db.prepare("SELECT message_id AS id, count(*) AS n, count(DISTINCT ticket) AS tickets FROM mail_messages WHERE direction = 'in' GROUP BY message_id")
      .all() as { id: string; n: number; tickets: number }[];
    const titles = (db.prepare("SELECT json_extract(doc, '$.title') AS title FROM tickets WHERE json_extract(doc, '$.kind') = 'inquiry' AND json_extract(doc, '$.reporter.contact') LIKE '%@tenant.example'")
      .all() as { title: string }[]).map((r) => r.title);
    const takenPerUid = db.prepare('SELECT count(*) AS n FROM mail_imap_taken GROUP BY mailbox, uidvalidity, uid HAVING n > 1').all();
    db.close();
    const verify = run(scripts.verify, [file], {});
    const verified = await verify.exited;

    expect(atFirstKill).toBeLessThan(TOTAL);
    expect(afterFirst.inquiries).toBeGreaterThan(0);
    expect(afterFirst.inquiries).toBeLessThan(TOTAL);
    expect(atSecondKill).toBeGreaterThan(afterFirst.inquiries);
    expect(afterSecond.inquiries).toBeLessThan(TOTAL);
    // Every row the killed processes wrote is whole: a message taken in is a ticket and a mail, never one without the other.
    for (const c of [afterFirst, afterSecond]) expect(c).toEqual({ taken: c.taken, inbound: c.taken, inquiries: c.taken });
    expect(final).toEqual({ taken: TOTAL, inbound: TOTAL, inquiries: TOTAL });
    expect(titles.sort()).toEqual(Array.from({ length: TOTAL }, (_, i) => `Killed batch ${i}`).sort());
    expect(perMessageId.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(perMessageId.filter((r) => r.n !== 1 || r.tickets !== 1)).toEqual([]);
    expect(takenPerUid).toEqual([]);
    expect(verified, verify.output()).toBe(0);
    expect(verify.output()).toMatch(/^ok: \d+ events/);
  }, 90_000);
});
