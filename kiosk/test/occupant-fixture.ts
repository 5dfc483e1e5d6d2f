import sharp from 'sharp';
import type { Page } from 'playwright-core';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';

/** A camera-like JPEG: large, with EXIF naming the camera and a GPS position. */
export function jpegWithGps(width = 3000, height = 2000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 190, g: 70, b: 40 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Pocket 9' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '10/1 45/1 0/1' } })
    .toBuffer();
}

/** Whether EXIF data holds a GPS section (tag 0x8825, either byte order). */
export function hasGps(exif: Buffer | undefined): boolean {
  return exif !== undefined && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

/**
 * An init script: keeps, base64-encoded in `window.sentFiles`, every file the page hands to
 * XMLHttpRequest in a form, that is exactly the bytes that leave the phone. (The browser does
 * not show blob bodies to request interception.)
 */
export function keepUploadedFiles(): void {
  const w = window as unknown as { sentFiles: string[] };
  w.sentFiles = [];
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body?: Document | XMLHttpRequestBodyInit | null) {
    if (body instanceof FormData) {
      for (const value of body.values()) {
        if (value instanceof Blob) {
          const reader = new FileReader();
          reader.onload = () => w.sentFiles.push(String(reader.result).split(',')[1] ?? '');
          reader.readAsDataURL(value);
        }
      }
    }
    return send.call(this, body);
  };
}

export const roomOf = (gw: TestGateway, room: string) => gw.creds.rooms.find((r) => r.id === room)!;
const apiPath = (url: string) => new URL(url).pathname + new URL(url).search;

export async function report(gw: TestGateway, room: string, category: string, description = 'Something is wrong') {
  const res = await gw.call('POST', apiPath(roomOf(gw, room).reportApi), { body: { category, description } });
  if (res.status !== 201) throw new Error(`report: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.ticket.id as string, token: res.body.trackToken as string };
}

/** Runs the given actions on a ticket as the given users, failing loudly on any refusal. */
export async function work(gw: TestGateway, id: string, steps: [user: string, action: string, body?: unknown][]): Promise<void> {
  for (const [user, action, body] of steps) {
    const res = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie: await gw.login(user), body: body ?? {} });
    if (res.status !== 200) throw new Error(`${action} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** An occupant's report that staff finished: it waits for a check (cleaning: sofia and ana; maintenance: marco and dirk). */
export async function finished(gw: TestGateway, room: string, category: 'cleaning' | 'maintenance' | 'security') {
  const created = await report(gw, room, category);
  const [boss, worker] = { cleaning: ['sofia', 'ana'], maintenance: ['marco', 'dirk'], security: ['marco', 'femi'] }[category];
  await work(gw, created.id, [[boss!, 'assign', { assignee: worker }], [worker!, 'start'], [worker!, 'complete']]);
  return created;
}

/** A maintenance job rejected at the door as a safety hazard: the room is Do Not Use. */
export async function doNotUse(gw: TestGateway, room: string) {
  const created = await finished(gw, room, 'maintenance');
  const res = await gw.call('POST', `/api/tickets/${created.id}/reject`, { cookie: await gw.panelLogin(room), body: { reason: 'Safety hazard remains' } });
  if (res.body?.room?.status !== 'do_not_use') throw new Error(`reject: ${res.status} ${JSON.stringify(res.body)}`);
  return created;
}

/** Whether the page is wider than its viewport (a phone would scroll sideways). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * Opens an occupant page once the gateway serves it. Another test run on the same checkout
 * rebuilds kiosk/dist (its global setup), and for a moment the page and its script are missing.
 */
export async function openPage(page: Page, url: string): Promise<void> {
  const name = new URL(url).pathname.split('/').filter(Boolean)[0]!;
  const asset = new URL(`/assets/${name}.js`, url).href;
  for (let waited = 0; waited < 15_000; waited += 200) {
    const [shell, script] = await Promise.all([fetch(url), fetch(asset)]);
    await Promise.all([shell.arrayBuffer(), script.arrayBuffer()]);
    if (shell.ok && script.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await page.goto(url);
}
