import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let hanna: string;
beforeAll(async () => { gw = await startTestGateway(); hanna = await gw.login('hanna'); });
afterAll(async () => { await gw.stop(); });

const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };
const report = { category: 'cleaning', description: 'Sticker check' };

describe('room QR codes', () => {
  it('makes an old sticker say it was replaced once the code is rotated, and the new one work', async () => {
    const old = gw.creds.rooms.find((r) => r.id === 'r102')!.reportApi;

    const rotated = await gw.call('POST', '/api/rooms/r102/qr/rotate', { cookie: hanna });
    const withOld = await gw.call('POST', pathOf(old), { body: report });
    const pageWithOld = await gw.call('GET', `/api/rooms/r102${new URL(old).search}`);
    const withNew = await gw.call('POST', pathOf(rotated.body.reportApi), { body: report });

    expect(rotated.status).toBe(200);
    expect(rotated.body.reportApi).not.toBe(old);
    expect(withOld.status).toBe(410);
    expect(withOld.body).toEqual({ error: 'QR_REPLACED', message: 'this code has been replaced, ask reception' });
    expect(pageWithOld.status).toBe(410);
    expect(withNew.status).toBe(201);
  });

  it('lets only those who manage devices rotate a code', async () => {
    const res = await gw.call('POST', '/api/rooms/r103/qr/rotate', { cookie: await gw.login('rita') });

    expect(res.status).toBe(403);
    expect((await gw.call('POST', pathOf(gw.creds.rooms.find((r) => r.id === 'r103')!.reportApi), { body: report })).status).toBe(201);
  });

  it('prints a floor of QR stickers as a PDF', async () => {
    const res = await fetch(`${gw.http}/api/qr-sheets/2`, { headers: { cookie: hanna } });
    const pdf = Buffer.from(await res.arrayBuffer());

    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('answers 404 for a floor with no rooms', async () => {
    const res = await gw.call('GET', '/api/qr-sheets/9', { cookie: hanna });

    expect(res.status).toBe(404);
  });
});
