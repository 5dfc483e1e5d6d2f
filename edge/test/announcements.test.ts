import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../src/contracts/index.ts';
import { inbox } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('announcements to signs, rooms and readers', () => {
  let gw: TestGateway;
  let hanna: string;
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const announce = (body: Record<string, unknown>, cookie = hanna) => gw.call('POST', '/api/announcements', { cookie, body });
  const floorOne = (expiresAt: string, extra: Record<string, unknown> = {}) => announce({
    title: { en: 'Water off on floor 1', nb: 'Vannet stengt i 1. etasje' }, text: { en: 'From 14:00 to 15:00.', nb: 'Fra 14:00 til 15:00.' },
    targets: [{ kind: 'floor', floor: 1 }], expiresAt, ...extra,
  });

  beforeAll(async () => {
    gw = await startTestGateway();
    hanna = await gw.login('hanna');
  });
  afterAll(async () => { await gw?.stop(); });

  it('reaches a floor-1 sign within 5 s as a retained message, never a floor-2 sign, and is cleared at expiry', async () => {
    const floor1 = await gw.device('sign-r103');
    const floor2 = await gw.device('sign-r201');
    const seen1 = inbox(floor1);
    const seen2 = inbox(floor2);
    await floor1.subscribeAsync(topics.roomAnnouncement('demo', 'r103'), { qos: 1 });
    await floor2.subscribeAsync(topics.roomAnnouncement('demo', 'r201'), { qos: 1 });
    const asked = Date.now();

    const res = await floorOne(inSeconds(3));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'live', rooms: ['r101', 'r102', 'r103', 'r104', 'r105'] });
    const shown = await seen1.next((m) => m.payload !== '', 5_000);
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(JSON.parse(shown.payload)).toMatchObject({ id: res.body.id, room: 'r103', title: { en: 'Water off on floor 1' }, until: res.body.expiresAt });
    const cleared = await seen1.next((m) => m.payload === '', 6_000);
    expect(cleared.topic).toBe(topics.roomAnnouncement('demo', 'r103'));
    expect(seen2.messages).toEqual([]);
    const late = await gw.device('sign-r101');
    const lateSeen = inbox(late);
    await late.subscribeAsync(topics.roomAnnouncement('demo', 'r101'), { qos: 1 });
    await sleep(300);
    expect(lateSeen.messages).toEqual([]);
    expect((await gw.call('GET', `/api/announcements?status=expired`, { cookie: hanna })).body.announcements.map((a: { id: string }) => a.id)).toContain(res.body.id);
  });

  it('gives a sign that connects later the live announcement at once, and refuses it another room\'s', async () => {
    const res = await floorOne(inSeconds(60));
    const sign = await gw.device('sign-r105');
    const seen = inbox(sign);

    await sign.subscribeAsync(topics.roomAnnouncement('demo', 'r105'), { qos: 1 });
    const refused = await sign.subscribeAsync(topics.roomAnnouncement('demo', 'r201'), { qos: 1 }).catch((e) => e.packet.granted);

    const got = await seen.next((m) => m.topic === topics.roomAnnouncement('demo', 'r105'));
    expect(got.retain).toBe(true);
    expect(JSON.parse(got.payload).id).toBe(res.body.id);
    expect(refused).toEqual([128]);
    await gw.call('POST', `/api/announcements/${res.body.id}/withdraw`, { cookie: hanna });
    expect((await seen.next((m) => m.payload === '')).retain).toBe(false);
  });

  it('starts a scheduled announcement by the clock, and shows it on the room\'s occupant page', async () => {
    const room = gw.creds.rooms.find((r) => r.id === 'r102')!;
    const k = new URL(room.reportApi).searchParams.get('k');
    const res = await floorOne(inSeconds(30), { startsAt: inSeconds(1) });
    expect(res.body.status).toBe('scheduled');
    const before = await gw.call('GET', `/api/rooms/r102/announcements?k=${k}`);

    await sleep(2_500);

    expect(before.body.announcements.map((a: { id: string }) => a.id)).not.toContain(res.body.id);
    const after = await gw.call('GET', `/api/rooms/r102/announcements?k=${k}`);
    expect(after.status).toBe(200);
    expect(after.body.announcements[0]).toMatchObject({ id: res.body.id, title: { nb: 'Vannet stengt i 1. etasje' } });
    expect(after.body.announcements[0].createdBy).toBeUndefined();
    expect((await gw.call('GET', `/api/rooms/r102/announcements?k=${'x'.repeat(22)}`)).status).toBe(403);
  });

  it('keeps HTML in the text as the text it is', async () => {
    const text = '<script>alert(1)</script><b>bold</b>';

    const res = await announce({ title: { en: '<img src=x onerror=alert(1)>' }, text: { en: text }, targets: [{ kind: 'room', room: 'r301' }], expiresAt: inSeconds(60) });

    expect(res.status).toBe(201);
    expect(res.body.text.en).toBe(text);
  });

  it('refuses bad input with a reason and writes nothing', async () => {
    const before = gw.store.announcements.list().length;
    const staff = await gw.login('ana');
    const ok = { title: { en: 'T' }, text: { en: 'X' }, targets: [{ kind: 'building' }], expiresAt: inSeconds(60) };

    const answers = await Promise.all([
      announce({ ...ok, text: { nl: 'X' } }),
      announce({ ...ok, targets: [{ kind: 'floor', floor: 9 }] }),
      announce({ ...ok, targets: [{ kind: 'zone', zone: 'Nowhere' }] }),
      announce({ ...ok, targets: [{ kind: 'room', room: 'r999' }] }),
      announce({ ...ok, targets: [] }),
      announce({ ...ok, title: {} }),
      announce({ ...ok, expiresAt: inSeconds(-10) }),
      announce({ ...ok, startsAt: inSeconds(100), expiresAt: inSeconds(50) }),
      announce({ ...ok, title: { de: 'Hallo' } }),
      announce(ok, staff),
      gw.call('POST', '/api/announcements', { body: ok }),
      gw.call('POST', '/api/announcements/A-nosuchone/withdraw', { cookie: hanna }),
    ]);

    expect(answers.map((a) => [a.status, a.body.error])).toEqual([
      [400, 'MISSING_TRANSLATION'], [400, 'UNKNOWN_TARGET'], [400, 'UNKNOWN_TARGET'], [400, 'UNKNOWN_ROOM'], [400, 'INVALID'], [400, 'INVALID'],
      [400, 'BAD_ANNOUNCEMENT_WINDOW'], [400, 'BAD_ANNOUNCEMENT_WINDOW'], [400, 'INVALID'], [403, 'NOT_PERMITTED'], [401, 'SIGN_IN_REQUIRED'], [404, 'NOT_FOUND'],
    ]);
    expect(gw.store.announcements.list().length).toBe(before);
  });

  it('lets a signed-in reader mark a building-wide announcement read once, and counts it in the reach', async () => {
    const res = await announce({ title: { en: 'Fire drill', zh: '消防演习' }, text: { en: 'Tuesday 10:00', zh: '周二 10:00' }, targets: [{ kind: 'building' }], expiresAt: inSeconds(60) });
    const ana = await gw.login('ana');

    const current = await gw.call('GET', '/api/announcements/current', { cookie: ana });
    const first = await gw.call('POST', `/api/announcements/${res.body.id}/read`, { cookie: ana });
    const again = await gw.call('POST', `/api/announcements/${res.body.id}/read`, { cookie: ana });

    expect(current.body.announcements.find((a: { id: string }) => a.id === res.body.id)).toMatchObject({ read: false });
    expect([first.status, first.body.first, again.body.first]).toEqual([200, true, false]);
    const listed = (await gw.call('GET', '/api/announcements', { cookie: hanna })).body.announcements.find((a: { id: string }) => a.id === res.body.id);
    expect(listed.reach).toMatchObject({ rooms: 15, signs: 15, read: 1 });
    expect((await gw.call('GET', '/api/announcements/current', { cookie: ana })).body.announcements.find((a: { id: string }) => a.id === res.body.id).read).toBe(true);
  });

  it('mails the targeted persons who want mail, in their language, once each, and not the others', async () => {
    const unit = async (floor: number, company: string) => (await gw.call('POST', '/api/units', { cookie: hanna, body: { name: `${company} offices`, floor, rooms: floor === 1 ? ['r102'] : ['r202'], company } })).body.id;
    const person = async (name: string, email: string, unitId: string, notifyByEmail = true, language = 'nb') =>
      (await gw.call('POST', '/api/persons', { cookie: hanna, body: { name, email, unit: unitId, notifyByEmail, language } })).body.id;
    const north = await unit(1, 'Nordlys AS');
    const south = await unit(2, 'Tulip BV');
    await person('Kari Nordmann', 'kari@nordlys.example', north);
    await person('Ola Stille', 'ola@nordlys.example', north, false);
    await person('Joost Bakker', 'joost@tulip.example', south, true, 'nl');

    const res = await floorOne(inSeconds(60));

    const mails = gw.store.db.prepare('SELECT recipient, doc FROM mail_outbox WHERE message_id LIKE ?').all(`<announcement-${res.body.id}-%`) as { recipient: string; doc: string }[];
    expect(mails.map((m) => m.recipient)).toEqual(['kari@nordlys.example']);
    const mail = JSON.parse(mails[0]!.doc);
    expect(mail.subject).toBe('Vannet stengt i 1. etasje');
    expect(mail.text).toContain('Fra 14:00 til 15:00.');
    const listed = (await gw.call('GET', '/api/announcements', { cookie: hanna })).body.announcements.find((a: { id: string }) => a.id === res.body.id);
    expect(listed.reach).toMatchObject({ rooms: 5, signs: 5, persons: 2, mailed: 1 });
  });

  it('puts the room\'s live announcements in a sign\'s first live frame, then sends their taking down, and nothing of other rooms', async () => {
    const other = await announce({ title: { en: 'Floor 2 only' }, text: { en: 'x' }, targets: [{ kind: 'floor', floor: 2 }], expiresAt: inSeconds(60) });
    const mine = await announce({ title: { zh: '电梯维修' }, text: { zh: '请走楼梯' }, targets: [{ kind: 'room', room: 'r304' }], expiresAt: inSeconds(60) });
    const sign = gw.creds.devices.find((d) => d.id === 'sign-r304')!;
    const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws?device=${sign.id}&secret=${sign.password}`);
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await once(socket, 'open');
    const until = async (match: (f: any) => boolean) => {
      for (let i = 0; i < 150 && !frames.some(match); i++) await sleep(20);
      return frames.find(match);
    };

    const snapshot = await until((f) => f.kind === 'snapshot');
    await gw.call('POST', `/api/announcements/${mine.body.id}/withdraw`, { cookie: hanna });
    const down = await until((f) => f.type === 'announcement-withdrawn');
    socket.close();

    expect(snapshot.announcements.map((a: { id: string }) => a.id)).toContain(mine.body.id);
    expect(snapshot.announcements.find((a: { id: string }) => a.id === mine.body.id)).toEqual({ id: mine.body.id, title: { zh: '电梯维修' }, text: { zh: '请走楼梯' }, startsAt: mine.body.startsAt, until: mine.body.expiresAt });
    expect(down.state).toMatchObject({ id: mine.body.id, status: 'withdrawn', rooms: ['r304'] });
    expect(down.state.createdBy).toBeUndefined();
    expect(frames.some((f) => f.state?.id === other.body.id)).toBe(false);
  });

  it('shows a tracking link the announcements live in its ticket\'s room, and refuses an unknown link', async () => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r305')!.reportApi);
    const report = await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Announcement on the tracking page' } });
    const made = await announce({ title: { en: 'Window cleaning' }, text: { en: '<b>Thursday</b>' }, targets: [{ kind: 'room', room: 'r305' }], expiresAt: inSeconds(60) });

    const seen = await gw.call('GET', `/api/track/${report.body.trackToken}/announcements`);
    const unknown = await gw.call('GET', `/api/track/${'x'.repeat(32)}/announcements`);
    const bad = await gw.call('GET', '/api/track/%3Cscript%3E/announcements');

    expect(seen.status).toBe(200);
    expect(seen.body.announcements[0]).toEqual({ id: made.body.id, title: { en: 'Window cleaning' }, text: { en: '<b>Thursday</b>' }, startsAt: made.body.startsAt, until: made.body.expiresAt });
    expect(seen.body.announcements.every((a: { title: { en?: string } }) => a.title.en !== 'Floor 2 only')).toBe(true);
    expect(seen.headers.get('cache-control')).toBe('no-store');
    expect([unknown.status, bad.status]).toEqual([404, 400]);
  });
});
