import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

// The data folder on a small tmpfs that a filler file fills up; needs root to mount.
const mountPoint = mkdtempSync(join(tmpdir(), 'doorside-full-disk-'));
const mounted = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
const filler = join(mountPoint, 'filler');

function fillUp(): void {
  const fd = openSync(filler, 'w');
  try {
    for (const chunk = Buffer.alloc(64 * 1024); ;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

let gw: TestGateway;
let sofia: string;
let ticket: string;
beforeAll(async () => {
  if (!mounted) return;
  gw = await startTestGateway({ dataDir: join(mountPoint, 'data') });
  sofia = await gw.login('sofia');
  ticket = (await gw.call('POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'supplies', room: 'r102', description: 'Refill' } })).body.id;
});
afterAll(async () => {
  rmSync(filler, { force: true });
  await gw?.stop();
  if (mounted) execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

async function upload(): Promise<{ status: number; body: any }> {
  const form = new FormData();
  const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#468' } }).jpeg().toBuffer();
  form.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${gw.http}/api/tickets/${ticket}/attachments`, { method: 'POST', body: form, headers: { cookie: sofia } });
  return { status: res.status, body: await res.json() };
}

describe.skipIf(!mounted)('a gateway whose data folder runs out of space', () => {
  it('answers writes with 503 STORAGE_FULL, writes nothing, and takes writes again once space returns', async () => {
    const head = gw.store.log.head.seq;
    const photosBefore = readdirSync(join(gw.dir, 'attachments'));
    // A write-ahead log that grew earlier is reused from its start, so a commit could fit into space it already holds.
    gw.store.db.pragma('wal_checkpoint(TRUNCATE)');
    fillUp();

    const comment = await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: sofia, body: { text: 'x'.repeat(1900) } });
    const photo = await upload();
    const read = await gw.call('GET', `/api/tickets/${ticket}`, { cookie: sofia });

    expect(comment).toMatchObject({ status: 503, body: { error: 'STORAGE_FULL' } });
    expect(photo).toMatchObject({ status: 503, body: { error: 'STORAGE_FULL' } });
    expect(readdirSync(join(gw.dir, 'attachments'))).toEqual(photosBefore);
    expect(gw.store.log.head.seq).toBe(head);
    expect(read.status).toBe(200);
    rmSync(filler);
    expect((await gw.call('POST', `/api/tickets/${ticket}/comment`, { cookie: sofia, body: { text: 'Space again' } })).status).toBe(200);
    expect((await upload()).status).toBe(201);
    expect(gw.store.log.verify()).toMatchObject({ ok: true });
  });

  it('shuts down cleanly while the disk is full, its log intact', async () => {
    fillUp();

    await gw.close();

    expect(gw.store.db.open).toBe(false);
    rmSync(filler);
    const reopened = await startTestGateway({ dataDir: join(mountPoint, 'data') });
    expect(reopened.store.log.verify()).toMatchObject({ ok: true });
    gw = reopened;
  });
});
