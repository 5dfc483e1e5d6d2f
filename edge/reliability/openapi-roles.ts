import sharp from 'sharp';
import type { DemoCredentials } from '../src/seed/demo-credentials.ts';
import { call, cookieFrom, signIn } from './http-call.ts';
import type { Hints } from './openapi-arbitraries.ts';
import type { Role } from './openapi-fuzz.ts';

/**
 * The roles the fuzz signs in as, and real values for its requests: a few tickets in
 * different states, tracking links, an attachment, the demo rooms, people and devices.
 * Built over HTTP only, so it serves an in-process gateway and a gateway process alike.
 */
export async function rolesAndHints(base: string, creds: DemoCredentials): Promise<{ roles: Record<string, Role>; hints: Hints }> {
  const password = (u: string) => creds.users.find((x) => x.username === u)!.password;
  const [admin, sofia, ana, liftco] = (await Promise.all(['admin', 'sofia', 'ana', 'liftco'].map((u) => signIn(base, u, password(u))))) as [string, string, string, string];
  const room = creds.rooms[0]!;
  const panel = creds.panels.find((p) => p.room === room.id)!;
  const panelAnswer = await call(base, 'POST', '/api/auth/panel', { body: { room: panel.room, pin: panel.pin } });
  if (panelAnswer.status !== 200) throw new Error(`panel sign-in: ${panelAnswer.status}`);

  const tickets: string[] = [];
  const tokens: string[] = [];
  for (const r of creds.rooms.slice(0, 4)) {
    const report = await call(base, 'POST', `/api/rooms/${r.id}/reports?k=${r.qr}`, { cookie: 'ds_browser=fuzz-setup', body: { category: 'cleaning', description: `Setup report ${r.id}` } });
    tickets.push(report.body.ticket.id);
    tokens.push(report.body.trackToken);
  }
  const task = async (assignee?: string) => (await call(base, 'POST', '/api/tickets', { cookie: sofia, body: { kind: 'task', category: 'cleaning', room: room.id, description: 'Setup task', ...(assignee ? { assignee } : {}) } })).body.id as string;
  const started = await task('ana');
  await call(base, 'POST', `/api/tickets/${started}/start`, { cookie: ana });
  const done = await task('ana');
  await call(base, 'POST', `/api/tickets/${done}/start`, { cookie: ana });
  await call(base, 'POST', `/api/tickets/${done}/complete`, { cookie: ana, body: {} });
  tickets.push(started, done, await task('ben'), await task());
  const form = new FormData();
  const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#246' } }).jpeg().toBuffer();
  form.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
  const upload = await fetch(`${base}/api/tickets/${started}/attachments`, { method: 'POST', body: form, headers: { cookie: sofia } });
  const attachment = ((await upload.json()) as { attachments: { id: string }[] }).attachments[0]!.id;

  const hints: Hints = {
    id: tickets, ticket: tickets, token: tokens, attachment: [attachment], room: creds.rooms.map((r) => r.id),
    device: creds.devices.map((d) => d.id), assignee: ['ana', 'ben', 'chen', 'sofia', 'liftco', 'nobody'],
    team: ['cleaning', 'av', 'maintenance', 'facility', 'security'], category: ['cleaning', 'av', 'maintenance', 'supplies', 'climate', 'devices', 'security'],
    floor: [1, 2, 3], username: ['nobody', 'fuzz-user'], vendor: ['liftco'], k: creds.rooms.map((r) => r.qr),
  };
  const roles: Record<string, Role> = {
    admin: { cookie: admin }, supervisor: { cookie: sofia }, staff: { cookie: ana }, vendor: { cookie: liftco },
    panel: { cookie: cookieFrom(panelAnswer.headers), hints: { room: [room.id] } },
    // An occupant has the sticker's code for one room and the tracking links of their reports.
    occupant: { cookie: 'ds_browser=fuzz-occupant', hints: { room: [room.id], k: [room.qr], token: tokens } },
    none: { hints: { k: [], token: [] } },
    bridge: { headers: { authorization: `Bearer ${creds.bridge!.key}` } },
  };
  return { roles, hints };
}
