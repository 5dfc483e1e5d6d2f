import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-support/test-gateway.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const cli = join(repoRoot, 'edge', 'src', 'audit', 'verify-cli.ts');
const work = mkdtempSync(join(tmpdir(), 'doorside-verify-'));
let pristine: string;
let pristineHead: { seq: number; hash: string };

/** Runs a command from the repo root and reports its exit code and output, never throwing on a non-zero exit. */
function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: repoRoot }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
const verify = (...args: string[]) => run(process.execPath, ['--import', 'tsx', cli, ...args]);

/** A private copy of the closed site database, to tamper with. */
function copyOfSite(name: string): string {
  const file = join(work, `${name}.sqlite`);
  copyFileSync(pristine, file);
  return file;
}

function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** Report, assign, start and complete a ticket over HTTP: a dozen events or so. */
async function finishedJob(gw: TestGateway, room: string) {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  const report = await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Bins are full' } });
  const id = report.body.ticket.id as string;
  const boss = await gw.login('sofia');
  const ana = await gw.login('ana');
  await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: boss, body: { assignee: 'ana' } });
  await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
  await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana, body: { note: 'Emptied' } });
  return id;
}

beforeAll(async () => {
  const gw = await startTestGateway({ dataDir: join(work, 'site') });
  await finishedJob(gw, 'r101');
  await finishedJob(gw, 'r203');
  pristineHead = { ...gw.store.log.head };
  // close, not stop: stop would delete the data dir, and the test needs the file.
  await gw.close();
  pristine = join(work, 'site', 'demo.sqlite');
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('reports an intact chain with its event count and head', async () => {
    const result = await verify(copyOfSite('intact'));

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim()).toBe(`ok: ${pristineHead.seq} events, head #${pristineHead.seq} ${pristineHead.hash}`);
    expect(pristineHead.seq).toBeGreaterThan(90);
  });

  it('resolves a relative path against the directory the command was typed in', async () => {
    const file = copyOfSite('relative');

    const result = await run('npm', ['run', '--silent', 'verify', '--', relative(repoRoot, file)]);

    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^ok: \d+ events, head #\d+ [0-9a-f]{64}$/);
  });

  it('names the event whose state was edited after the append-only trigger was dropped', async () => {
    const file = copyOfSite('edited');
    tamper(file, `DROP TRIGGER events_append_only_update; UPDATE events SET state = '{"room":"r999"}' WHERE seq = 40;`);

    const result = await verify(file);

    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toMatch(/^broken at event #40: the hash does not match/);
  });

  it('names the missing sequence number when a row in the middle was deleted', async () => {
    const file = copyOfSite('deleted');
    tamper(file, 'DROP TRIGGER events_append_only_delete; DELETE FROM events WHERE seq = 57;');

    const result = await verify(file);

    expect(result.code).toBe(1);
    expect(result.stdout.trim()).toMatch(/^broken at event #57: sequence number 57 is missing/);
  });

  it('prints one usage line and exits 2 without an argument', async () => {
    const result = await verify();

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('usage')]);
  });

  it('prints one error line and exits 2 for a file that does not exist, and creates none', async () => {
    const missing = join(work, 'nothing-here.sqlite');

    const result = await verify(missing);

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(missing)]);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('GET /api/events/verify', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway(); });
  afterAll(async () => { await gw.stop(); });

  it('answers ok with the head to a facility head and refuses staff', async () => {
    await finishedJob(gw, 'r102');
    const [hanna, ana] = [await gw.login('hanna'), await gw.login('ana')];
    const head = { ...gw.store.log.head };

    const res = await gw.call('GET', '/api/events/verify', { cookie: hanna });
    const staff = await gw.call('GET', '/api/events/verify', { cookie: ana });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, checked: head.seq, head, firstBadSeq: null, problem: null });
    expect(staff.status).toBe(403);
  });

  it('names the first bad event after a row of the live database was edited behind the gateway', async () => {
    const cookie = await gw.login('hanna');
    tamper(join(gw.dir, 'demo.sqlite'), `DROP TRIGGER events_append_only_update; UPDATE events SET actor = 'user:mallory' WHERE seq = 40;`);

    const res = await gw.call('GET', '/api/events/verify', { cookie });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, firstBadSeq: 40, checked: 39, head: { seq: 39 } });
  });
});
