import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const DAY_MS = 24 * 3600 * 1000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the vendor\'s link', () => {
  let gw: TestGateway;
  let hanna: string;
  let vendor: { id: string; contacts: { id: string }[] };
  let now = Date.parse('2026-12-01T09:00:00.000Z');

  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
  const send = async (body: { title?: string } = {}) => {
    const res = await gw.call('POST', '/api/work-orders', { cookie: hanna, body: { vendor: vendor.id, title: body.title ?? 'Lift door sticks on floor 2' } });
    expect(res.status).toBe(201);
    return { id: res.body.workOrder.id as string, token: tokenOf(res.body.links[0].url), other: tokenOf(res.body.links[1].url) };
  };
  const vendorDoes = (token: string, action: string, body?: unknown) => gw.call('POST', `/api/wo/${token}/${action}`, { body });
  const upload = async (token: string, files: { bytes: Uint8Array; name: string; type: string }[]) => {
    const form = new FormData();
    for (const f of files) form.append('photos', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
    const res = await fetch(`${gw.http}/api/wo/${token}/files`, { method: 'POST', body: form });
    return { status: res.status, body: await res.json() };
  };
  const photo = async () => new Uint8Array(await sharp({ create: { width: 80, height: 60, channels: 3, background: '#36a' } }).jpeg().toBuffer());
  const order = async (id: string) => (await gw.call('GET', `/api/work-orders/${id}`, { cookie: hanna })).body;
  const lastEvent = async () => (await gw.call('GET', '/api/events/verify', { cookie: hanna })).body;
  const storedFiles = () => ['attachments', 'documents'].flatMap((d) => { try { return readdirSync(join(gw.dir, d)); } catch { return []; } }).sort();
  /** The answer's status, its body read so the connection is free again (a gateway closes only idle ones). */
  const statusOf = async (res: Response) => { await res.arrayBuffer(); return res.status; };
  /** The cookie the link is swapped for. */
  const cookieFor = async (token: string) => {
    const res = await fetch(`${gw.http}/wo/${token}`, { redirect: 'manual' });
    expect(await statusOf(res)).toBe(303);
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };

  beforeAll(async () => {
    gw = await startTestGateway({ publicUrl: 'https://doorside.example.org', clock: () => new Date(now).toISOString() });
    hanna = await gw.login('hanna');
    const res = await gw.call('POST', '/api/vendors', { cookie: hanna, body: {
      name: 'Glassmester Berg', trade: 'glazing', email: 'post@berg.example',
      contacts: [{ name: 'Lise Berg', email: 'lise@berg.example', language: 'nb' }, { name: 'Tom Berg', email: 'tom@berg.example' }],
    } });
    expect(res.status).toBe(201);
    vendor = res.body;
  });
  afterAll(async () => { await gw?.stop(); });

  it('changes nothing when the link and its view are opened, previewed or scanned 50 times with GET and HEAD', async () => {
    const { id, token } = await send();
    const cookie = await cookieFor(token);
    const before = { order: await order(id), log: await lastEvent(), files: storedFiles() };

    const answers: number[] = [];
    for (let i = 0; i < 50; i++) {
      const method = i % 2 === 0 ? 'GET' : 'HEAD';
      answers.push(await statusOf(await fetch(`${gw.http}/wo/${token}`, { method, redirect: 'manual' })));
      answers.push(await statusOf(await fetch(`${gw.http}/api/wo`, { method, headers: { cookie } })));
      answers.push(await statusOf(await fetch(`${gw.http}/api/wo/${token}`, { method })));
      answers.push(await statusOf(await fetch(`${gw.http}/wo`, { method, headers: { cookie } })));
    }

    expect(new Set(answers)).toEqual(new Set([303, 200]));
    expect(await order(id)).toEqual(before.order);
    expect(await lastEvent()).toEqual(before.log);
    expect(storedFiles()).toEqual(before.files);
    expect(before.order.status).toBe('sent');
  });

  it('answers a forged, a revoked and an expired token with the same 404 that tells nothing', async () => {
    const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
    const revoked = await send();
    expect((await gw.call('DELETE', `/api/work-orders/${revoked.id}/contacts/${vendor.contacts[0]!.id}/link`, { cookie: hanna })).status).toBe(200);
    const expired = await send();
    expect((await vendorDoes(expired.token, 'accept')).status).toBe(200);
    expect((await vendorDoes(expired.token, 'start')).status).toBe(200);
    expect((await vendorDoes(expired.token, 'done', { notes: 'New pane fitted', minutes: 30 })).status).toBe(200);
    expect((await gw.call('POST', `/api/work-orders/${expired.id}/verify`, { cookie: hanna })).status).toBe(200);
    const readable = await gw.call('GET', `/api/wo/${expired.token}`);
    now += 31 * DAY_MS;

    const answers = [];
    for (const token of [forged, revoked.token, expired.token]) {
      answers.push(await gw.call('GET', `/api/wo/${token}`));
      answers.push(await vendorDoes(token, 'comment', { text: 'Anyone there?' }));
      const link = await fetch(`${gw.http}/wo/${token}`, { redirect: 'manual' });
      answers.push({ status: link.status, body: await link.json(), headers: link.headers });
    }

    expect(readable.status).toBe(200);
    expect(readable.body).toMatchObject({ readOnly: true, actions: [] });
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(404));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(JSON.stringify(answers[0]!.body)).not.toMatch(/WO-|revoked|expired|closed|V-|C-/i);
    expect(answers.every((a) => !a.headers.get('set-cookie'))).toBe(true);
    hanna = await gw.login('hanna');
  });

  it('refuses with 409 to accept an order the vendor declined, and leaves it declined', async () => {
    const { id, token } = await send();

    const declined = await vendorDoes(token, 'decline', { reason: 'We do not do lifts' });
    const accepted = await vendorDoes(token, 'accept');

    expect(declined.status).toBe(200);
    expect(accepted.status).toBe(409);
    expect(accepted.body).toMatchObject({ error: 'WORK_ORDER_STATE' });
    expect(await order(id)).toMatchObject({ status: 'declined', declineReason: 'We do not do lifts' });
  });

  it('takes a photo and a PDF quote, re-encoded and judged by their bytes', async () => {
    const { id, token } = await send();

    const res = await upload(token, [{ bytes: await photo(), name: 'pane.jpg', type: 'image/jpeg' }, { bytes: PDF, name: 'quote.pdf', type: 'application/pdf' }]);

    expect(res.status).toBe(200);
    expect(res.body.workOrder.attachments.map((a: { type: string }) => a.type).sort()).toEqual(['application/pdf', 'image/jpeg']);
    expect((await order(id)).attachments).toHaveLength(2);
  });

  it('refuses oversized and disguised files, and keeps none of a refused upload', async () => {
    const { id, token } = await send();
    const before = { order: await order(id), files: storedFiles() };
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PDF);

    const answers = [
      await upload(token, [{ bytes: html, name: 'invoice.pdf', type: 'application/pdf' }]),
      await upload(token, [{ bytes: html, name: 'photo.jpg', type: 'image/jpeg' }]),
      await upload(token, [{ bytes: await photo(), name: 'ok.jpg', type: 'image/jpeg' }, { bytes: new TextEncoder().encode('MZ\x90\x00'), name: 'quote.pdf', type: 'application/pdf' }]),
      await upload(token, [{ bytes: big, name: 'huge.pdf', type: 'application/pdf' }]),
    ];

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 413]);
    expect(answers.slice(0, 3).map((a) => a.body.error)).toEqual(['BAD_FILE', 'BAD_FILE', 'BAD_FILE']);
    expect(await order(id)).toEqual(before.order);
    expect(storedFiles()).toEqual(before.files);
  });

  it('shows a vendor only the files of their own order: another order\'s file is a 404 like a made-up one', async () => {
    const mine = await send();
    const theirs = await send({ title: 'Broken window in room 102' });
    const added = await upload(theirs.token, [{ bytes: await photo(), name: 'window.jpg', type: 'image/jpeg' }]);
    const file = added.body.workOrder.attachments[0].id as string;
    const cookie = await cookieFor(mine.token);
    const own = await cookieFor(theirs.token);

    const other = await fetch(`${gw.http}/api/wo/files/${file}`, { headers: { cookie } });
    const madeUp = await fetch(`${gw.http}/api/wo/files/A-madeUpFile123`, { headers: { cookie } });
    const theirOwn = await fetch(`${gw.http}/api/wo/files/${file}`, { headers: { cookie: own } });

    expect(other.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect((await other.json()).error).toBe((await madeUp.json()).error);
    expect(await statusOf(theirOwn)).toBe(200);
    expect(theirOwn.headers.get('content-type')).toBe('image/jpeg');
  });
});
