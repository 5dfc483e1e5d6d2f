import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let photo: Buffer;
beforeAll(async () => {
  gw = await startTestGateway();
  // A phone photo: sideways (orientation 6) and carrying a GPS position in its EXIF.
  photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 0/1' } } }).toBuffer();
});
afterAll(async () => { await gw.stop(); });

const reportPath = (room: string) => { const u = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi); return u.pathname + u.search; };
const stored = () => readdirSync(join(gw.dir, 'attachments'));

function form(fields: Record<string, string>, files: Buffer[]) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  files.forEach((f, i) => data.append('photos', new Blob([new Uint8Array(f)], { type: 'image/jpeg' }), `p${i}.jpg`));
  return data;
}

async function post(path: string, body: FormData, cookie?: string) {
  const res = await fetch(`${gw.http}${path}`, { method: 'POST', body, headers: cookie ? { cookie } : {} });
  return { status: res.status, body: await res.json() as any };
}

describe('photos', () => {
  it('takes an occupant report with a photo, upright and without EXIF', async () => {
    const res = await post(reportPath('r101'), form({ category: 'cleaning', description: 'Spill by the sofa' }, [photo]));

    expect(res.status).toBe(201);
    const [attachment] = res.body.ticket.attachments;
    expect(attachment).toMatchObject({ type: 'image/jpeg', by: 'occupant' });
    const meta = await sharp(join(gw.dir, 'attachments', `${attachment.id}.jpg`)).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([48, 64]);
  });

  it('refuses a fourth photo with 413 and writes nothing', async () => {
    const before = [gw.store.log.head.seq, stored().length];

    const res = await post(reportPath('r101'), form({ category: 'cleaning', description: 'Four photos' }, [photo, photo, photo, photo]));

    expect(res.status).toBe(413);
    expect(res.body.error).toBeTypeOf('string');
    expect([gw.store.log.head.seq, stored().length]).toEqual(before);
  });

  it('refuses a file that is not an image with 400 and keeps no file', async () => {
    const before = [gw.store.log.head.seq, stored().length];

    const res = await post(reportPath('r101'), form({ category: 'cleaning', description: 'Not a photo' }, [Buffer.from('%PDF-1.4 not an image')]));

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BAD_PHOTO');
    expect([gw.store.log.head.seq, stored().length]).toEqual(before);
  });

  it('refuses unknown form fields like unknown JSON fields', async () => {
    const res = await post(reportPath('r101'), form({ category: 'cleaning', description: 'x', priority: 'urgent' }, []));

    expect(res.status).toBe(400);
  });

  it('lets a door panel attach a photo and reject with it, and staff fetch it', async () => {
    const report = await gw.call('POST', reportPath('r103'), { body: { category: 'cleaning', description: 'Bins full' } });
    const id = report.body.ticket.id;
    const sofia = await gw.login('sofia');
    const ana = await gw.login('ana');
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
    await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana });
    const panel = await gw.panelLogin('r103');

    const upload = await post(`/api/tickets/${id}/attachments`, form({}, [photo]), panel);
    const reject = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: panel, body: { reason: 'Waste not removed', photos: [upload.body.attachments[0].id] } });
    const image = await fetch(`${gw.http}/api/attachments/${upload.body.attachments[0].id}`, { headers: { cookie: ana } });
    const anonymous = await fetch(`${gw.http}/api/attachments/${upload.body.attachments[0].id}`);

    expect(upload.status).toBe(201);
    expect(reject.body.ticket.rejections[0].photos).toEqual([upload.body.attachments[0].id]);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).format).toBe('jpeg');
    expect(anonymous.status).toBe(401);
  });

  it('refuses a completion naming a photo that is not on the ticket, and writes nothing', async () => {
    const report = await gw.call('POST', reportPath('r104'), { body: { category: 'cleaning', description: 'Mirror' } });
    const id = report.body.ticket.id;
    const ana = await gw.login('ana');
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: await gw.login('sofia'), body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
    const before = gw.store.log.head.seq;

    const res = await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana, body: { photos: ['A-doesnotexist1'] } });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe('UNKNOWN_PHOTO');
    expect(gw.store.log.head.seq).toBe(before);
    expect(gw.store.tickets.get(id)!.status).toBe('in_progress');
  });
});
