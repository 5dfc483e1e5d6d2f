import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChainRow, verifyChain } from '../src/store/hash-chain.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { killAll, run, scripts } from './support/processes.ts';

let gw: TestGateway;
let out: string;
beforeEach(async () => {
  gw = await startTestGateway();
  out = mkdtempSync(join(tmpdir(), 'doorside-backups-'));
});
afterEach(async () => {
  await killAll();
  await gw.stop();
  rmSync(out, { recursive: true, force: true });
});

const env = () => ({ DOORSIDE_DATA_DIR: gw.dir });
const reportPath = (room: string) => { const u = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi); return u.pathname + u.search; };

async function reportWithPhoto(): Promise<string> {
  const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#a37' } }).jpeg().toBuffer();
  const data = new FormData();
  data.append('category', 'cleaning');
  data.append('description', 'Coffee on the carpet');
  data.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${gw.http}${reportPath('r101')}`, { method: 'POST', body: data });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { attachments: { id: string }[] } }).ticket.attachments[0]!.id;
}

async function tasks(count: number, cookie: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await gw.call('POST', '/api/tickets', { cookie, body: { kind: 'task', category: 'supplies', room: 'r301', description: `Paper ${i}` } });
    expect(res.status).toBe(201);
  }
}

function openedBackup(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      chain: verifyChain(db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<ChainRow>),
      tickets: db.prepare('SELECT count(*) FROM ticket_rows').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('npm run backup', () => {
  it('takes a consistent backup with the photos while the gateway keeps writing', async () => {
    const photo = await reportWithPhoto();
    const hanna = await gw.login('hanna');
    const file = join(out, 'site.sqlite');

    const writing = tasks(60, hanna);
    const backup = run(scripts.backup, [file], env());
    const [code] = await Promise.all([backup.exited, writing]);

    expect(code, backup.output()).toBe(0);
    expect(backup.output()).toMatch(/^backup: site "demo" written to .*: \d+ events, head #\d+ [0-9a-f]{64}; 1 photos in /);
    const opened = openedBackup(file);
    expect(opened.integrity).toBe('ok');
    expect(opened.chain).toMatchObject({ ok: true });
    expect(opened.chain.head!.seq).toBeLessThanOrEqual(gw.store.log.head.seq);
    expect(readdirSync(`${file}.attachments`)).toEqual([`${photo}.jpg`]);
    expect(readdirSync(out).sort()).toEqual(['site.sqlite', 'site.sqlite.attachments', 'site.sqlite.library']);
  });
});

describe('npm run restore', () => {
  async function backupTo(file: string) {
    const backup = run(scripts.backup, [file], env());
    expect(await backup.exited, backup.output()).toBe(0);
  }

  it('refuses while a gateway holds the data folder, naming it', async () => {
    const file = join(out, 'site.sqlite');
    await backupTo(file);

    const restore = run(scripts.restore, [file], env());

    expect(await restore.exited).toBe(1);
    expect(restore.output()).toMatch(new RegExp(`^restore: refused: the data folder ${gw.dir} is in use by a gateway \\(pid ${process.pid} `));
  });

  it('refuses a backup whose hash chain does not verify, and leaves the site as it was', async () => {
    const file = join(out, 'site.sqlite');
    await backupTo(file);
    const tamper = new Database(file);
    tamper.exec('DROP TRIGGER events_append_only_update');
    tamper.prepare("UPDATE events SET actor = 'user:nobody' WHERE seq = 3").run();
    tamper.close();
    const head = gw.store.log.head;
    await gw.close();

    const restore = run(scripts.restore, [file], env());

    expect(await restore.exited).toBe(1);
    expect(restore.output()).toMatch(/^restore: refused: the backup's event log does not verify: broken at event #3: /);
    gw = await startTestGateway({ dataDir: gw.dir });
    expect(gw.store.log.head).toEqual(head);
  });

  it('replaces the site with the backup, photos included, and goes on with a site-restored event', async () => {
    const photo = await reportWithPhoto();
    const file = join(out, 'site.sqlite');
    await backupTo(file);
    const backupHead = gw.store.log.head;
    await tasks(5, await gw.login('hanna'));
    rmSync(join(gw.dir, 'attachments', `${photo}.jpg`));
    const headBefore = gw.store.log.head;
    await gw.close();

    const restore = run(scripts.restore, [file], env());

    expect(await restore.exited, restore.output()).toBe(0);
    gw = await startTestGateway({ dataDir: gw.dir });
    expect(gw.store.log.verify()).toMatchObject({ ok: true, checked: backupHead.seq + 1 });
    const [restored] = gw.store.log.after(backupHead.seq, 10);
    expect(restored).toMatchObject({ seq: backupHead.seq + 1, type: 'site-restored', actor: 'system:restore', state: { backup: backupHead, file: 'site.sqlite' } });
    expect(existsSync(join(gw.dir, 'attachments', `${photo}.jpg`))).toBe(true);
    const kept = readdirSync(join(gw.dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(kept).toEqual([expect.stringMatching(/^demo-before-restore-.*\.sqlite$/)]);
    expect(openedBackup(join(gw.dir, 'backups', kept[0]!)).chain.head).toEqual(headBefore);
    const hanna = await gw.login('hanna');
    await tasks(1, hanna);
  });

  it('backs the documents up beside the photos and restores them, so their downloads pass the digest check', async () => {
    const hanna = await gw.login('hanna');
    const form = new FormData();
    form.append('meta', JSON.stringify({ kind: 'house_rules', title: { en: 'House rules' }, place: { kind: 'building' }, readers: ['staff'] }));
    form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n% rules\n%%EOF\n'))], { type: 'application/pdf' }), 'rules.pdf');
    const uploaded = (await (await fetch(`${gw.http}/api/documents`, { method: 'POST', body: form, headers: { cookie: hanna } })).json()) as { id: string; file: { id: string } };
    const file = join(out, 'site.sqlite');
    await backupTo(file);
    rmSync(join(gw.dir, 'library', `${uploaded.file.id}.pdf`));
    await gw.close();

    const restore = run(scripts.restore, [file], env());

    expect(await restore.exited, restore.output()).toBe(0);
    expect(readdirSync(`${file}.library`)).toContain(`${uploaded.file.id}.pdf`);
    gw = await startTestGateway({ dataDir: gw.dir });
    const cookie = await gw.login('hanna');
    expect((await fetch(`${gw.http}/api/documents/${uploaded.id}/file`, { headers: { cookie } })).status).toBe(200);
    expect((await gw.call('GET', '/api/documents/verify', { cookie })).body.ok).toBe(true);
  });

  it('refuses a file that is not a site backup', async () => {
    const text = join(out, 'notes.sqlite');
    writeFileSync(text, 'not a database at all, just text that is long enough to be read');
    mkdirSync(`${text}.attachments`);
    await gw.close();

    const restore = run(scripts.restore, [text], env());

    expect(await restore.exited).toBe(1);
    expect(restore.output()).toMatch(/^restore: refused: .* is not a site backup: /);
    gw = await startTestGateway({ dataDir: gw.dir });
  });
});
