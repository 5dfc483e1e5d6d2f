import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { table } from '../bench/stats.ts';
import type { Figures } from './figures.ts';
import { GatewayChild } from './gateway-child.ts';
import { call, signIn } from './http-call.ts';
import { type CorpusFile, uploadCorpus } from './upload-corpus.ts';

type Outcome = 'refused' | 're-encoded' | 'stored with extras' | 'server error' | 'other';

/** Whether a stored photo is a bare JPEG: no EXIF, XMP, IPTC or comments, and none of the file's forbidden bytes. */
async function clean(bytes: Buffer, file: CorpusFile): Promise<string | null> {
  const meta = await sharp(bytes).metadata();
  if (meta.format !== 'jpeg') return `stored as ${meta.format}`;
  if (meta.exif || meta.xmp || meta.iptc || (meta.comments?.length ?? 0) > 0) return 'metadata kept';
  const text = bytes.toString('latin1');
  const found = file.forbidden.find((s) => text.includes(s));
  return found ? `contains ${JSON.stringify(found)}` : null;
}

/**
 * Section 8: every file of the corpus sent as an occupant's report photo and as a staff
 * attachment. Each must be refused (4xx, nothing written) or stored re-encoded with none of
 * its extras; a 5xx or a dirty stored file fails.
 */
export async function uploadCheck(figures: Figures): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-uploads-'));
  const gw = await GatewayChild.start({ dataDir: dir });
  try {
    const corpus = await uploadCorpus();
    const base = gw.info.http;
    const creds = gw.info.credentials;
    const room = creds.rooms[0]!;
    const ana = await signIn(base, 'sofia', creds.users.find((u) => u.username === 'sofia')!.password);
    const task = await call(base, 'POST', '/api/tickets', { cookie: ana, body: { kind: 'task', category: 'cleaning', room: room.id, description: 'Photos please' } });
    const stored = () => readdirSync(join(dir, 'attachments')).sort();
    const rows: string[][] = [];
    const tally = new Map<Outcome, number>();
    for (const file of corpus) {
      for (const route of ['report', 'attachment'] as const) {
        const form = new FormData();
        if (route === 'report') { form.set('category', 'cleaning'); form.set('description', `Upload ${file.name}`); }
        form.append('photos', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.filename);
        const before = stored();
        const eventsBefore = (await call(base, 'GET', '/health')).body.events as number;
        const path = route === 'report' ? `/api/rooms/${room.id}/reports?k=${room.qr}` : `/api/tickets/${task.body.id}/attachments`;
        const res = await fetch(`${base}${path}`, { method: 'POST', body: form, headers: { cookie: route === 'report' ? 'ds_browser=corpus' : ana } });
        const body = await res.text();
        const added = stored().filter((f) => !before.includes(f));
        const wrote = (await call(base, 'GET', '/health')).body.events !== eventsBefore;
        let outcome: Outcome;
        let detail = '';
        if (res.status >= 500) { outcome = 'server error'; detail = body.slice(0, 100); }
        else if (res.status >= 400) { outcome = added.length === 0 && !wrote ? 'refused' : 'other'; detail = `${res.status} ${(JSON.parse(body) as { error: string }).error}${added.length ? ', yet a file was written' : ''}${wrote ? ', yet an event was written' : ''}`; }
        else if (res.status === 201 && added.length === 1) {
          const problem = await clean(readFileSync(join(dir, 'attachments', added[0]!)), file);
          outcome = problem ? 'stored with extras' : 're-encoded';
          detail = problem ?? '201, bare JPEG';
        } else { outcome = 'other'; detail = `${res.status}, ${added.length} files written`; }
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        rows.push([file.name, route, outcome, detail]);
      }
    }
    console.log(table(['file', 'sent as', 'outcome', 'detail'], rows));
    const total = rows.length;
    const good = (tally.get('refused') ?? 0) + (tally.get('re-encoded') ?? 0);
    const section = '8';
    figures.add({ section, measure: `uploads (${corpus.length} files x report photo and staff attachment)`, value: `${tally.get('refused') ?? 0} refused, ${tally.get('re-encoded') ?? 0} re-encoded`, target: 'recorded', pass: null });
    figures.add({ section, measure: 'refused with nothing written, or re-encoded with no EXIF/GPS/XMP/text kept', value: `${((100 * good) / total).toFixed(0)} % (${good} of ${total})`, target: '100 %', pass: good === total });
    figures.add({ section, measure: 'answers >= 500, or stored with extras', value: `${tally.get('server error') ?? 0}, ${tally.get('stored with extras') ?? 0}`, target: '0, 0', pass: !tally.get('server error') && !tally.get('stored with extras') });
  } finally {
    await gw.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
