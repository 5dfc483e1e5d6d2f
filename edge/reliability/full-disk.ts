import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figures } from './figures.ts';
import { GatewayChild } from './gateway-child.ts';
import { type Answer, call, signIn } from './http-call.ts';

/** Writes zeros into `file` until the filesystem says no more; answers the bytes written. */
function fillUp(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    for (;;) written += writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return written;
}

/** A small tmpfs, when this process may mount one (root, and a kernel that lets it); otherwise why not. */
function smallFilesystem(dir: string, size: string): { ok: true } | { ok: false; why: string } {
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root: mounting a small tmpfs needs root' };
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { ok: true };
  } catch (error) {
    return { ok: false, why: `mount refused: ${(error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error)}` };
  }
}

/**
 * Section 9: the data folder on a full disk. The gateway runs on a few-MB tmpfs; a filler
 * file takes the rest; writes must answer 503 (STORAGE_FULL) with nothing half-written, reads
 * keep working, and once the filler is gone writes succeed again without a restart.
 */
export async function fullDisk(figures: Figures): Promise<void> {
  const section = '9';
  const mountPoint = mkdtempSync(join(tmpdir(), 'doorside-full-'));
  const mounted = smallFilesystem(mountPoint, '8m');
  if (!mounted.ok) {
    rmSync(mountPoint, { recursive: true, force: true });
    figures.add({ section, measure: 'writes on a full disk', value: 'skipped', target: '503, nothing half-written', pass: null, note: mounted.why });
    return;
  }
  const dataDir = join(mountPoint, 'data');
  mkdirSync(dataDir);
  let gw: GatewayChild | undefined;
  try {
    gw = await GatewayChild.start({ dataDir });
    const base = gw.info.http;
    const creds = gw.info.credentials;
    const room = creds.rooms[1]!;
    const sofia = await signIn(base, 'sofia', creds.users.find((u) => u.username === 'sofia')!.password);
    const task = await call(base, 'POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'supplies', room: room.id, description: 'Before the disk fills' } });
    const photo = Buffer.from(await (await import('sharp')).default({ create: { width: 400, height: 300, channels: 3, background: '#468' } }).jpeg().toBuffer());
    const writes: [string, () => Promise<Answer>][] = [
      ['occupant report (JSON)', () => call(base, 'POST', `/api/rooms/${room.id}/reports?k=${room.qr}`, { cookie: 'ds_browser=disk', body: { category: 'supplies', description: 'Out of paper towels' } })],
      ['staff task', () => call(base, 'POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'supplies', room: room.id, description: 'Refill' } })],
      ['comment', () => call(base, 'POST', `/api/tickets/${task.body.id}/comment`, { cookie: sofia, body: { text: 'Still waiting' } })],
      ['sign-in (session write)', () => call(base, 'POST', '/api/auth/login', { body: { username: 'ana', password: creds.users.find((u) => u.username === 'ana')!.password } })],
      ['photo attachment', async () => {
        const form = new FormData();
        form.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'p.jpg');
        const res = await fetch(`${base}/api/tickets/${task.body.id}/attachments`, { method: 'POST', body: form, headers: { cookie: sofia } });
        const text = await res.text();
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* keep text */ }
        return { status: res.status, body, headers: res.headers };
      }],
    ];
    const health = async () => (await call(base, 'GET', '/health')).body as { events: number };
    const headBefore = (await health()).events;
    const filler = join(mountPoint, 'filler');
    const filled = fillUp(filler);
    console.log(`  filled ${(filled / 2 ** 20).toFixed(1)} MiB; the data folder has no room left`);
    // SQLite first fills the pages it has free (and its WAL reuses its own space): write
    // long comments until one is refused, then try every kind of write.
    let accepted = 0;
    for (let i = 0; i < 5_000; i++) {
      const res = await call(base, 'POST', `/api/tickets/${task.body.id}/comment`, { cookie: sofia, body: { text: `${i} ${'x'.repeat(1900)}` } });
      if (res.status !== 200) { console.log(`  comment ${i + 1} answered ${res.status} ${JSON.stringify(res.body)}`); break; }
      accepted += 1;
    }
    console.log(`  ${accepted} long comments fitted after the filler`);
    const full: string[] = [];
    let all503 = true;
    for (const [name, write] of writes) {
      const res = await write();
      full.push(`${name}: ${res.status} ${(res.body as { error?: string })?.error ?? ''}`.trim());
      if (res.status !== 503) all503 = false;
    }
    for (const line of full) console.log(`  full disk, ${line}`);
    const read = await call(base, 'GET', `/api/tickets/${task.body.id}`, { cookie: sofia });
    const verifyFull = await call(base, 'GET', '/api/events/verify', { cookie: sofia });
    const headFull = (await health()).events;

    rmSync(filler);
    const after: string[] = [];
    let allOk = true;
    for (const [name, write] of writes) {
      const res = await write();
      after.push(`${name}: ${res.status}`);
      if (res.status >= 300) allOk = false;
    }
    console.log(`  space back: ${after.join('; ')}`);
    const verifyAfter = await call(base, 'GET', '/api/events/verify', { cookie: sofia });
    const events = (await call(base, 'GET', `/api/events?after=${headBefore}&limit=1000`, { cookie: sofia })).body.events as { type: string }[];
    figures.add({ section, measure: `writes on a full 8 MiB tmpfs (${writes.length} kinds)`, value: full.join('; '), target: 'all 503', pass: all503 });
    figures.add({ section, measure: 'nothing half-written: chain verifies while full, reads answer', value: `verify ${verifyFull.status} ok=${verifyFull.body?.ok}, read ${read.status}, head ${headBefore} -> ${headFull}`, target: 'ok, 200', pass: verifyFull.body?.ok === true && read.status === 200 });
    figures.add({ section, measure: 'recovers when space returns (no restart)', value: `${after.filter((a) => !/: [45]\d\d$/.test(a)).length} of ${writes.length} writes succeed; chain ok=${verifyAfter.body?.ok}; ${events.length} new events`, target: 'all succeed, chain ok', pass: allOk && verifyAfter.body?.ok === true });
  } finally {
    await gw?.kill('SIGKILL');
    try { execFileSync('umount', ['-l', mountPoint], { stdio: 'pipe' }); } catch { /* it was not mounted */ }
    rmSync(mountPoint, { recursive: true, force: true });
  }
}
