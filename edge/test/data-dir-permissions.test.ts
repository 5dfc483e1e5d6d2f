import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
/** Every file and folder under `dir` with its mode, the folder itself as '.'. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': mode(dir) };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = mode(path);
  }
  return found;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const cleanup of cleanups.splice(0).reverse()) await cleanup(); });

async function withPhoto(gw: TestGateway): Promise<void> {
  const form = new FormData();
  form.append('category', 'cleaning');
  form.append('description', 'Spill by the window');
  form.append('photos', new Blob([new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#555' } }).jpeg().toBuffer())], { type: 'image/jpeg' }), 'p.jpg');
  const res = await fetch(`${gw.creds.rooms[0]!.reportApi}`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
}

describe('the data folder', () => {
  it('is made readable by its owner only: the folder 0700, the database, its WAL, the credentials and photos 0600', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'doorside-perm-')), 'data');
    cleanups.push(() => rmSync(join(dir, '..'), { recursive: true, force: true }));
    const gw = await startTestGateway({ dataDir: dir });
    cleanups.push(() => gw.stop());

    await withPhoto(gw);

    const found = modes(dir);
    expect(found['.']).toBe('700');
    expect(found['attachments']).toBe('700');
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['demo.sqlite', 'demo.sqlite-wal', 'demo.sqlite-shm', 'demo-credentials.json']));
    expect(Object.entries(found).filter(([, m]) => m !== '700' && m !== '600')).toEqual([]);
    expect(readdirSync(join(dir, 'attachments')).map((f) => mode(join(dir, 'attachments', f)))).toEqual(['600']);
  });

  it('is tightened at start when an older gateway left it open to every local user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorside-perm-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = await startTestGateway({ dataDir: dir });
    await withPhoto(first);
    await first.close();
    const loosen = (path: string) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        if (entry.isDirectory()) loosen(join(path, entry.name));
        else chmodSync(join(path, entry.name), 0o644);
      }
      chmodSync(path, 0o755);
    };
    loosen(dir);

    const second = await startTestGateway({ dataDir: dir });
    cleanups.push(() => second.close());

    const found = modes(dir);
    expect(found['.']).toBe('700');
    expect(Object.entries(found).filter(([, m]) => m !== '700' && m !== '600')).toEqual([]);
  });
});
