import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Rig, startRig, until } from './support/sync-rig.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).jpeg().toBuffer();

describe('the vendor\'s link served by the central server', () => {
  let rig: Rig;
  let hanna: string;
  let vendor: { id: string; contacts: { id: string }[] };

  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
  const central = (path: string, init: RequestInit = {}) => fetch(`${rig.central!.url}${path}`, { redirect: 'manual', ...init });
  const json = async (response: Response) => ({ status: response.status, body: await response.json().catch(() => null), headers: response.headers });
  const send = async (title: string) => {
    const sent = (await rig.gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title } })).body;
    return { id: sent.workOrder.id as string, token: tokenOf(sent.links[0].url) };
  };
  /** Opens the link at the central server as a browser does: the token swapped for the cookie. */
  const openLink = async (token: string) => {
    const swapped = await central(`/wo/${token}`);
    expect(swapped.status).toBe(303);
    return swapped.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const act = async (cookie: string, action: string, body: unknown) => json(await central(`/api/wo/${action}`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body),
  }));
  const upload = async (cookie: string, action: string, files: { bytes: Buffer; name: string; type: string }[], fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
    return json(await central(`/api/wo/${action}`, { method: 'POST', headers: { cookie }, body: form }));
  };
  const siteOrder = async (id: string) => (await rig.gw.call('GET', `/api/work-orders/${id}`, { cookie: hanna })).body;
  const vendorEvents = (id: string) => (rig.gw.store.db.prepare('SELECT type, actor FROM events WHERE entity = ? ORDER BY seq').all(`work-order:${id}`) as { type: string; actor: string }[])
    .filter((e) => e.actor.startsWith('vendor:'));

  beforeAll(async () => {
    // The tests poll the page's reads: the address limit is the rate-limit test's to check.
    rig = await startRig({ vendorLimits: { perAddress: { max: 100_000, windowMs: 60_000 }, stepsPerLink: { max: 1000, windowMs: 60_000 } } });
    rig.startAgent();
    hanna = await rig.gw.login('hanna');
    vendor = (await rig.gw.call('POST', '/api/vendors', { cookie: hanna, body: { name: 'Heis og Port', trade: 'lifts', email: 'h@heis.example', contacts: [{ name: 'Desk', email: 'd@heis.example' }] } })).body;
  });
  afterAll(async () => { await rig?.stop(); });

  it('swaps the token for a cookie with no referrer, and 50 GET and HEAD requests change nothing', async () => {
    const { token } = await send('Gate motor hums');
    await rig.inSync();
    const before = { head: rig.gatewayHead(), commands: await rig.central!.eventCount('demo') };

    const swapped = await central(`/wo/${token}`);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => central(i % 2 ? `/wo/${token}` : `/api/wo/${token}`, { method: i % 4 < 2 ? 'GET' : 'HEAD' })));
    const page = await central('/wo');

    expect(swapped.status).toBe(303);
    expect(swapped.headers.get('location')).toBe('/wo');
    expect(swapped.headers.get('referrer-policy')).toBe('no-referrer');
    expect(swapped.headers.getSetCookie()[0]).toMatch(/^ds_wo=.*HttpOnly/);
    expect(answers.every((a) => a.status === 200 || a.status === 303)).toBe(true);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('ds-vendor-page');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(rig.gatewayHead()).toEqual(before.head);
    expect(await rig.central!.eventCount('demo')).toBe(before.commands);
    expect((await json(await central(`/api/wo/${token}`))).body).toMatchObject({ workOrder: { status: 'sent' }, actions: ['accept', 'decline', 'comment', 'files'], queued: 0 });
  });

  it('answers the same 404 to a forged token, a revoked link and a cookie it never set', async () => {
    const { id, token } = await send('Loose handrail');
    await rig.gw.call('DELETE', `/api/work-orders/${id}/contacts/${vendor.contacts[0]!.id}/link`, { cookie: hanna });
    await rig.inSync();

    const answers = await Promise.all([
      central(`/wo/${'A'.repeat(22)}`), central(`/wo/${token}`), central(`/api/wo/${token}`), central('/api/wo', { headers: { cookie: `ds_wo=${'B'.repeat(22)}` } }),
      central(`/api/wo/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    ].map(async (p) => json(await p)));

    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
  });

  it('holds each step for the site, which applies it once with the vendor as actor: accept, a comment, a photo and a PDF, start, done', async () => {
    const { id, token } = await send('Lift stops between floors');
    await rig.inSync();
    const cookie = await openLink(token);

    const accepted = await act(cookie, 'accept', { note: 'Tomorrow 8:00' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ command: expect.any(String), state: 'pending' });
    await until('the site accepted', async () => (await siteOrder(id)).status === 'accepted');
    await until('the central server has the site\'s answer', async () => (await rig.central!.commandState(accepted.body.command)).state !== 'pending');
    expect(await rig.central!.commandState(accepted.body.command)).toMatchObject({ state: 'applied' });
    const commented = await act(cookie, 'comment', { text: 'Bringing a new door sensor' });
    const filed = await upload(cookie, 'files', [{ bytes: await photo(), name: 'sensor.jpg', type: 'image/jpeg' }, { bytes: PDF, name: 'quote.pdf', type: 'application/pdf' }]);
    const started = await act(cookie, 'start', {});
    const done = await upload(cookie, 'done', [{ bytes: await photo(), name: 'after.jpg', type: 'image/jpeg' }], { notes: 'Sensor replaced', minutes: '95' });

    expect([commented.status, filed.status, started.status, done.status]).toEqual([202, 202, 202, 202]);
    await until('the site has the work done', async () => (await siteOrder(id)).status === 'done');
    const order = await siteOrder(id);
    expect(order).toMatchObject({ status: 'done', report: { notes: 'Sensor replaced', minutes: 95 }, comments: [{ text: 'Bringing a new door sensor' }] });
    expect(order.attachments.map((a: { type: string }) => a.type).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/jpeg']);
    expect(vendorEvents(id).map((e) => e.type)).toEqual(['work-order-accepted', 'work-order-commented', 'work-order-files-added', 'work-order-started', 'work-order-done']);
    expect(vendorEvents(id).every((e) => e.actor.startsWith(`vendor:${vendor.id}/C-`))).toBe(true);
    await rig.inSync();
    expect((await json(await central('/api/wo', { headers: { cookie } }))).body).toMatchObject({ workOrder: { status: 'done' }, queued: 0 });
  });

  it('counts in a step the site has applied while its event is still on the way up, so the page never steps back', async () => {
    const { id, token } = await send('Lift button sticks');
    await rig.inSync();
    const cookie = await openLink(token);
    await rig.stopAgent();
    const accepted = await act(cookie, 'accept', {});
    const [held] = (await json(await central('/api/sites/demo/commands', { headers: { authorization: `Bearer ${rig.siteKey}` } }))).body.commands;

    // What the agent does with it, up to where the site's answer has come up and its event has not.
    const applied = await rig.gw.call('POST', '/api/bridge/commands', { headers: { authorization: `Bearer ${rig.gw.creds.bridge!.key}` }, body: held });
    const answered = await central(`/api/sites/demo/commands/${held.id}/result`, {
      method: 'POST', headers: { authorization: `Bearer ${rig.siteKey}`, 'content-type': 'application/json' }, body: JSON.stringify(applied.body),
    });
    const between = (await json(await central('/api/wo', { headers: { cookie } }))).body;

    expect(accepted.status).toBe(202);
    expect(applied.body).toMatchObject({ outcome: 'applied', seq: expect.any(Number) });
    expect(answered.status).toBe(200);
    expect(await rig.central!.commandState(held.id)).toMatchObject({ state: 'applied' });
    expect(between).toMatchObject({ workOrder: { status: 'accepted' }, queued: 1 });
    expect(between.actions).not.toContain('accept');
    rig.startAgent();
    await rig.inSync();
    expect((await json(await central('/api/wo', { headers: { cookie } }))).body).toMatchObject({ workOrder: { status: 'accepted' }, queued: 0 });
    expect((await siteOrder(id)).status).toBe('accepted');
  });

  it('queues the vendor\'s steps while the site\'s link is cut, shows them counted in, and applies each once when it returns', async () => {
    const { id, token } = await send('Door closer leaks oil');
    await rig.inSync();
    const cookie = await openLink(token);
    await rig.stopAgent();

    const steps = [
      await act(cookie, 'accept', {}), await act(cookie, 'comment', { text: 'Parts ordered' }),
      await upload(cookie, 'files', [{ bytes: await photo(), name: 'closer.jpg', type: 'image/jpeg' }]),
      await act(cookie, 'start', {}), await act(cookie, 'done', { notes: 'New closer fitted', minutes: 40 }),
    ];
    const whileCut = (await json(await central('/api/wo', { headers: { cookie } }))).body;

    expect(steps.map((s) => s.status)).toEqual([202, 202, 202, 202, 202]);
    expect((await siteOrder(id)).status).toBe('sent');
    expect(whileCut).toMatchObject({ workOrder: { status: 'done' }, queued: 5, actions: ['comment', 'files'] });
    for (const step of steps) expect(await rig.central!.commandState(step.body.command)).toMatchObject({ state: 'pending' });

    rig.startAgent();
    await until('the site has the work done', async () => (await siteOrder(id)).status === 'done');
    await rig.inSync();
    for (const step of steps) expect(await rig.central!.commandState(step.body.command)).toMatchObject({ state: 'applied' });
    // The agent sends a command again (its answer lost on the way): the site answers as before and changes nothing.
    const head = rig.gatewayHead();
    const again = await rig.gw.call('POST', '/api/bridge/commands', {
      headers: { authorization: `Bearer ${rig.gw.creds.bridge!.key}` },
      body: { id: steps[2]!.body.command, type: 'vendor-action', by: 'vendor-link', digest: digestOf(token), action: 'comment', body: { text: 'Parts ordered' } },
    });
    expect(again.body).toMatchObject({ outcome: 'applied' });
    expect(rig.gatewayHead()).toEqual(head);
    expect(vendorEvents(id).map((e) => e.type)).toEqual(['work-order-accepted', 'work-order-commented', 'work-order-files-added', 'work-order-started', 'work-order-done']);
    const photoId = (await siteOrder(id)).attachments[0].id as string;
    // The photo sent while the link was cut is copied up once the link returns.
    await until('the photo is copied up', async () => (await central(`/api/wo/files/${photoId}`, { headers: { cookie } })).status === 200);
    const copied = await central(`/api/wo/files/${photoId}`, { headers: { cookie } });
    const onSite = await fetch(`${rig.gw.http}/api/work-orders/${id}/files/${photoId}`, { headers: { cookie: hanna } });
    expect(Buffer.from(await copied.arrayBuffer()).equals(Buffer.from(await onSite.arrayBuffer()))).toBe(true);
  });

  it('opens the order\'s files through the central server: the team\'s photo and the vendor\'s own upload, with the right bytes, and no other order\'s', async () => {
    const room = rig.gw.creds.rooms[0]!;
    const reportUrl = new URL(room.reportApi);
    const ticket = (await rig.gw.call('POST', reportUrl.pathname + reportUrl.search, { body: { category: 'maintenance', description: 'Lift door scrapes' } })).body.ticket.id as string;
    const form = new FormData();
    form.append('photos', new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }), 'door.jpg');
    expect((await fetch(`${rig.gw.http}/api/tickets/${ticket}/attachments`, { method: 'POST', headers: { cookie: hanna }, body: form })).status).toBe(201);
    const sent = (await rig.gw.call('POST', `/api/tickets/${ticket}/work-orders`, { cookie: hanna, body: { vendor: vendor.id } })).body;
    const id = sent.workOrder.id as string;
    const teamFile = sent.workOrder.attachments[0].id as string;
    const other = await send('Another order');
    await rig.inSync();
    const cookie = await openLink(tokenOf(sent.links[0].url));
    const otherCookie = await openLink(other.token);
    const siteBytes = async (file: string) => Buffer.from(await (await fetch(`${rig.gw.http}/api/work-orders/${id}/files/${file}`, { headers: { cookie: hanna } })).arrayBuffer());
    const fromCentral = (file: string, as = cookie) => central(`/api/wo/files/${file}`, { headers: { cookie: as } });

    await until('the team\'s photo is copied up', async () => (await fromCentral(teamFile)).status === 200);
    const team = await fromCentral(teamFile);
    expect(team.headers.get('content-type')).toBe('image/jpeg');
    expect(team.headers.get('x-content-type-options')).toBe('nosniff');
    expect(team.headers.get('content-disposition')).toBe(`inline; filename="${teamFile}.jpg"`);
    expect(team.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(Buffer.from(await team.arrayBuffer()).equals(await siteBytes(teamFile))).toBe(true);

    const filed = await upload(cookie, 'files', [{ bytes: PDF, name: 'quote.pdf', type: 'application/pdf' }]);
    expect(filed.status).toBe(202);
    await until('the site has the vendor\'s PDF', async () => (await siteOrder(id)).attachments.length === 2);
    const pdfId = (await siteOrder(id)).attachments.find((a: { type: string }) => a.type === 'application/pdf').id as string;
    await until('the vendor\'s PDF is copied up', async () => (await fromCentral(pdfId)).status === 200);
    const pdf = await fromCentral(pdfId);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="${pdfId}.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(PDF)).toBe(true);

    // Another order's link, a made-up id, and no cookie at all: the same 404.
    const refused = await Promise.all([fromCentral(teamFile, otherCookie), fromCentral(pdfId, otherCookie), fromCentral('A-madeup12345'), central(`/api/wo/files/${teamFile}`)].map(async (p) => json(await p)));
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(refused.map((r) => r.body?.error))).toEqual(new Set(['NOT_FOUND']));
    // Copied once: the agent's next rounds want nothing more.
    const wanted = async () => (await (await fetch(`${rig.central!.url}/api/sites/demo/files/wanted`, { headers: { authorization: `Bearer ${rig.siteKey}` } })).json()).files as string[];
    await until('nothing more is wanted', async () => (await wanted()).length === 0);
    const copy = { id: pdfId, name: 'quote.pdf', type: 'application/pdf', sha256: createHash('sha256').update(PDF).digest('hex'), data: PDF.toString('base64') };
    const again = await fetch(`${rig.central!.url}/api/sites/demo/files/${pdfId}`, { method: 'PUT', headers: { authorization: `Bearer ${rig.siteKey}`, 'content-type': 'application/json' }, body: JSON.stringify(copy) });
    expect(await again.json()).toEqual({ id: pdfId, stored: false });
    const forged = await fetch(`${rig.central!.url}/api/sites/demo/files/A-madeup12345`, { method: 'PUT', headers: { authorization: `Bearer ${rig.siteKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...copy, id: 'A-madeup12345' }) });
    expect(forged.status).toBe(404);
  });

  it('refuses with 409 a step on an order its copy shows closed, and a disguised file with 400, holding nothing', async () => {
    const { token } = await send('Window will not close');
    await rig.inSync();
    const cookie = await openLink(token);
    const declined = await act(cookie, 'decline', { reason: 'Not our trade' });
    await until('nothing is pending', async () => (await rig.central!.commandState(declined.body.command)).state !== 'pending');
    // The site's answer comes up before its event: wait for the copy of the log itself, the step no longer counted in.
    await until('the decline is synced back', async () => {
      const body = (await json(await central('/api/wo', { headers: { cookie } }))).body;
      return body?.workOrder.status === 'declined' && body.queued === 0;
    });

    const accepted = await act(cookie, 'accept', {});
    const disguised = await upload(cookie, 'files', [{ bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'quote.pdf', type: 'application/pdf' }]);

    expect(accepted.status).toBe(409);
    expect(accepted.body).toMatchObject({ error: 'WORK_ORDER_STATE' });
    expect(disguised.status).toBe(400);
    expect((await json(await central('/api/wo', { headers: { cookie } }))).body).toMatchObject({ queued: 0 });
  });
});

const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');
