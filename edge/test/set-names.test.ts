import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let hanna: string;
beforeAll(async () => { gw = await startTestGateway(); hanna = await gw.login('hanna'); });
afterAll(async () => { await gw.stop(); });

describe('names in other languages', () => {
  it('sets a room\'s names and zone names, keeps what was not given, and tells the room\'s sign', async () => {
    const before = gw.store.rooms.get('r203')!;

    const res = await gw.call('PATCH', '/api/rooms/r203/names', { cookie: hanna, body: { names: { zh: '专注室 A', nb: 'Fokusrom A' } } });

    expect(res.status).toBe(200);
    expect(res.body.names).toEqual({ zh: '专注室 A', nb: 'Fokusrom A' });
    expect(res.body.zoneNames).toEqual(before.zoneNames);
    expect(gw.store.rooms.get('r203')!.names).toEqual({ zh: '专注室 A', nb: 'Fokusrom A' });
    expect(gw.store.log.after(gw.store.log.head.seq - 1, 1)[0]).toMatchObject({ type: 'room-names-changed', entity: 'room:r203', actor: 'user:hanna' });
    const sign = await gw.device('sign-r203');
    const status = await new Promise<string>((resolve) => {
      sign.on('message', (topic, payload) => { if (topic === topics.roomStatus('demo', 'r203')) resolve(payload.toString()); });
      void sign.subscribeAsync(topics.roomStatus('demo', 'r203'), { qos: 1 });
    });
    expect(JSON.parse(status).names).toEqual({ zh: '专注室 A', nb: 'Fokusrom A' });
  });

  it('clears a map given empty', async () => {
    const res = await gw.call('PATCH', '/api/rooms/r205/names', { cookie: hanna, body: { zoneNames: {} } });

    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('zoneNames');
    expect(res.body.names).toEqual(gw.store.rooms.get('r205')!.names);
  });

  it('prints a room\'s label in the languages set for it', async () => {
    await gw.call('PATCH', '/api/rooms/r201/names', { cookie: hanna, body: { languages: ['nb', 'en'] } });

    const res = await fetch(`${gw.http}/api/qr-sheets/2`, { headers: { cookie: hanna } });
    const dir = mkdtempSync(join(tmpdir(), 'doorside-names-'));
    writeFileSync(join(dir, 'sheet.pdf'), Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });

    expect(res.status).toBe(200);
    expect(text).toContain('Skann for å melde et problem');
    expect(gw.store.rooms.get('r201')!.languages).toEqual(['nb', 'en']);
    const reset = await gw.call('PATCH', '/api/rooms/r201/names', { cookie: hanna, body: { languages: null } });
    expect(reset.body).not.toHaveProperty('languages');
  });

  it('sets a category\'s rejection reasons in other languages, only for reasons it lists', async () => {
    const ok = await gw.call('PATCH', '/api/categories/cleaning/names', { cookie: hanna, body: { reasonNames: { 'Not cleaned': { nl: 'Niet schoongemaakt' } } } });
    const unknown = await gw.call('PATCH', '/api/categories/cleaning/names', { cookie: hanna, body: { reasonNames: { 'Too loud': { nl: 'Te luid' } } } });

    expect(ok.status).toBe(200);
    expect(ok.body.reasonNames).toEqual({ 'Not cleaned': { nl: 'Niet schoongemaakt' } });
    expect(gw.store.directory.category('cleaning')!.reasonNames).toEqual({ 'Not cleaned': { nl: 'Niet schoongemaakt' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'UNKNOWN_REJECTION_REASON', details: { allowed: expect.arrayContaining(['Not cleaned']) } });
  });

  it('sets a team\'s names', async () => {
    const res = await gw.call('PATCH', '/api/teams/security/names', { cookie: hanna, body: { names: { zh: '安保', nb: 'Sikkerhet', nl: 'Beveiliging' } } });

    expect(res.status).toBe(200);
    expect(gw.store.directory.team('security')!.names).toEqual({ zh: '安保', nb: 'Sikkerhet', nl: 'Beveiliging' });
  });

  it('is refused to those the rights table does not give it, and to no one signed in', async () => {
    const staff = await gw.login('ana');
    const supervisor = await gw.login('sofia');
    const body = { names: { zh: '改了' } };

    const answers = await Promise.all([
      gw.call('PATCH', '/api/rooms/r101/names', { cookie: staff, body }),
      gw.call('PATCH', '/api/rooms/r101/names', { cookie: supervisor, body }),
      gw.call('PATCH', '/api/rooms/r101/names', { body }),
    ]);

    expect(answers.map((a) => a.status)).toEqual([403, 403, 401]);
    expect(gw.store.rooms.get('r101')!.names?.zh).not.toBe('改了');
  });

  it('answers bad input with 400 and a reason, and an unknown room or team with 404', async () => {
    const cases = await Promise.all([
      gw.call('PATCH', '/api/rooms/r101/names', { cookie: hanna, body: { names: { fr: 'Salle' } } }),
      gw.call('PATCH', '/api/rooms/r101/names', { cookie: hanna, body: {} }),
      gw.call('PATCH', '/api/rooms/r101/names', { cookie: hanna, body: { names: { zh: '' } } }),
      gw.call('PATCH', '/api/rooms/r101/names', { cookie: hanna, body: { languages: ['xx'] } }),
      gw.call('PATCH', '/api/teams/security/names', { cookie: hanna, body: { names: { zh: 'x' }, reasonNames: {} } }),
      gw.call('PATCH', '/api/rooms/r999/names', { cookie: hanna, body: { names: { zh: 'x' } } }),
      gw.call('PATCH', '/api/teams/nobody/names', { cookie: hanna, body: { names: { zh: 'x' } } }),
    ]);

    expect(cases.map((c) => c.status)).toEqual([400, 400, 400, 400, 400, 404, 404]);
    for (const c of cases) expect(c.body.message).toEqual(expect.any(String));
  });
});
