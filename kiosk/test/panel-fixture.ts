import sharp from 'sharp';
import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';

/** A cleaning job in `room`, reported by an occupant, assigned by sofia and finished by ana: it waits for approval. */
export async function finishedCleaning(gw: TestGateway, room: string): Promise<string> {
  const url = gw.creds.rooms.find((r) => r.id === room)!.reportApi;
  const report = await gw.call('POST', url.slice(gw.http.length), { body: { category: 'cleaning', description: 'Bins overflowing' } });
  if (report.status !== 201) throw new Error(`report: ${report.status} ${JSON.stringify(report.body)}`);
  const id = report.body.ticket.id as string;
  const sofia = await gw.login('sofia');
  const ana = await gw.login('ana');
  for (const [cookie, action, body] of [[sofia, 'assign', { assignee: 'ana' }], [ana, 'start', {}], [ana, 'complete', {}]] as const) {
    const res = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

export function panelOf(gw: TestGateway, room: string): { url: string; pin: string } {
  const panel = gw.creds.panels.find((p) => p.room === room);
  if (!panel?.url) throw new Error(`no panel url for ${room} in the demo credentials`);
  return { url: panel.url, pin: panel.pin };
}

const jpeg = (colour: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).jpeg().toBuffer();

async function sendForm(gw: TestGateway, path: string, fields: Record<string, string>, photo: Buffer, cookie?: string): Promise<any> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await fetch(`${gw.http}${path}`, { method: 'POST', body: form, headers: cookie ? { cookie } : {} });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * A cleaning job with its before and after: the occupant's report with a photo, then ana
 * starts it, works `minutes` on the gateway's clock (`wait` moves it) and completes it with
 * a note and a photo of her own.
 */
export async function finishedWithEvidence(gw: TestGateway, room: string, minutes: number, wait: (minutes: number) => void): Promise<string> {
  const url = gw.creds.rooms.find((r) => r.id === room)!.reportApi;
  const report = await sendForm(gw, url.slice(gw.http.length), { category: 'cleaning', description: 'Coffee spilled on the carpet' }, await jpeg('#a52'));
  const id = report.ticket.id as string;
  const sofia = await gw.login('sofia');
  const ana = await gw.login('ana');
  const step = async (cookie: string, action: string, body: unknown) => {
    const res = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await step(sofia, 'assign', { assignee: 'ana' });
  await step(ana, 'start', {});
  wait(minutes);
  const { attachments } = await sendForm(gw, `/api/tickets/${id}/attachments`, {}, await jpeg('#2a5'), ana);
  await step(ana, 'complete', { note: 'Carpet shampooed, dry in an hour', photos: [attachments[0].id] });
  return id;
}

/** A gateway clock that tests move forward by minutes. */
export function movableClock(start = Date.now()): { clock: () => string; wait: (minutes: number) => void } {
  let now = start;
  return { clock: () => new Date(now).toISOString(), wait: (minutes) => { now += minutes * 60_000; } };
}
