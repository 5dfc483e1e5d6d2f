import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const topic = 'doorside/demo/devices/sign-r202/events';

describe('sensor thresholds over MQTT', () => {
  const clock = { now: '2026-06-15T08:00:00.000Z' };
  let gw: TestGateway;
  let sign: MqttClient;
  let seen = 0;
  const hanna = () => gw.login('hanna');
  const count = (type: string) => (gw.store.db.prepare('SELECT count(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;
  const dropped = async (reason: string) => {
    const text = await (await fetch(`${gw.http}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('doorside_mqtt_dropped_total{') && l.includes(`reason="${reason}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  /** Publishes a reading at a minute past the start and waits until the gateway has read it (its device list shows it). */
  const read = async (minute: number, value: number, sensor = 'temperature') => {
    clock.now = new Date(Date.parse('2026-06-15T08:00:00.000Z') + minute * 60_000).toISOString();
    await sign.publishAsync(topic, JSON.stringify({ type: 'reading', sensor, value, unit: 'C' }));
    seen++;
    for (let i = 0; i < 100; i++) {
      const at = gw.deviceEvents.readings.get('sign-r202')?.find((r) => r.sensor === sensor)?.at;
      if (at === clock.now) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // The reading's command commits after it is noted: give the group commit its turn.
    await new Promise((r) => setTimeout(r, 50));
  };
  const rules = async () => (await gw.call('GET', '/api/thresholds', { cookie: await hanna() })).body.thresholds as { id: string; excursion: { since: string; ticket: string | null } | null }[];

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => clock.now, escalationTicks: false, scheduleTicks: false });
    sign = await gw.device('sign-r202');
  });
  afterAll(async () => { await gw?.stop(); });

  it('opens one climate ticket when the temperature stays above the limit long enough, and another only after it came back', async () => {
    const made = await gw.call('POST', '/api/thresholds', { cookie: await hanna(), body: {
      title: 'Tulip too warm', place: { kind: 'room', room: 'r202' }, measure: 'temperature', direction: 'above', limit: 26, forMinutes: 10, category: 'climate',
    } });
    expect(made.status).toBe(201);
    const id = made.body.id as string;

    await read(0, 24);
    await read(1, 27);
    await read(6, 28);
    expect((await rules()).find((r) => r.id === id)!.excursion).toMatchObject({ since: '2026-06-15T08:01:00.000Z', ticket: null });
    await read(11, 28);
    await read(15, 29);
    const first = (await rules()).find((r) => r.id === id)!.excursion!.ticket;
    await read(20, 25);
    expect((await rules()).find((r) => r.id === id)!.excursion).toBeNull();
    await read(21, 27);
    await read(32, 27.5);

    const second = (await rules()).find((r) => r.id === id)!.excursion!.ticket;
    expect(first).toMatch(/^T-\d+$/);
    expect(second).toMatch(/^T-\d+$/);
    expect(second).not.toBe(first);
    expect(count('excursion-ticket-opened')).toBe(2);
    const ticket = (await gw.call('GET', `/api/tickets/${first}`, { cookie: await hanna() })).body;
    expect(ticket).toMatchObject({ category: 'climate', room: 'r202', kind: 'task', title: 'Tulip too warm', reporter: { kind: 'device', id: 'sign-r202' } });
  });

  it('opens work at the first reading below a limit held for no minutes, and not for a sensor nobody watches', async () => {
    const made = await gw.call('POST', '/api/thresholds', { cookie: await hanna(), body: {
      title: 'Tulip freezing', place: { kind: 'room', room: 'r202' }, measure: 'cold', direction: 'below', limit: 5, forMinutes: 0, category: 'climate', priority: 'high',
    } });
    const before = count('excursion-ticket-opened');

    await read(40, 3, 'cold');
    await read(41, 2, 'cold');
    await read(42, 1, 'humidity');

    const excursion = (await rules()).find((r) => r.id === made.body.id)!.excursion!;
    expect(count('excursion-ticket-opened')).toBe(before + 1);
    expect((await gw.call('GET', `/api/tickets/${excursion.ticket}`, { cookie: await hanna() })).body.priority).toBe('high');
  });

  it('drops and counts readings that do not parse, and changes nothing for them', async () => {
    const [notJson, bad] = [await dropped('not-json'), await dropped('bad-payload')];
    const excursions = count('excursion-started') + count('excursion-ended');

    await sign.publishAsync(topic, 'temperature=99');
    await sign.publishAsync(topic, JSON.stringify({ type: 'reading', sensor: 'temperature', value: 'hot' }));
    await sign.publishAsync(topic, JSON.stringify({ type: 'reading', sensor: 't'.repeat(41), value: 99 }));
    await sign.publishAsync(topic, JSON.stringify({ type: 'reading', sensor: 'temperature' }));
    for (let i = 0; i < 50 && (await dropped('bad-payload')) < bad + 3; i++) await new Promise((r) => setTimeout(r, 20));

    expect(await dropped('not-json')).toBe(notJson + 1);
    expect(await dropped('bad-payload')).toBe(bad + 3);
    expect(count('excursion-started') + count('excursion-ended')).toBe(excursions);
  });

  it('refuses a rule for a room that does not exist, a bad direction, and staff', async () => {
    const body = { title: 'Warm', place: { kind: 'room', room: 'r999' }, measure: 'temperature', direction: 'above', limit: 26, forMinutes: 10, category: 'climate' };
    const unknown = await gw.call('POST', '/api/thresholds', { cookie: await hanna(), body });
    const sideways = await gw.call('POST', '/api/thresholds', { cookie: await hanna(), body: { ...body, place: { kind: 'room', room: 'r202' }, direction: 'sideways' } });
    const staff = await gw.call('POST', '/api/thresholds', { cookie: await gw.login('dirk'), body: { ...body, place: { kind: 'room', room: 'r202' } } });

    expect([unknown.status, unknown.body.error]).toEqual([400, 'UNKNOWN_ROOM']);
    expect([sideways.status, sideways.body.error]).toEqual([400, 'INVALID']);
    expect(staff.status).toBe(403);
  });

  it('ends the excursion of a rule switched off', async () => {
    const list = await rules();
    const warm = list.find((r) => r.excursion !== null)!;

    const off = await gw.call('PATCH', `/api/thresholds/${warm.id}`, { cookie: await hanna(), body: { active: false } });

    expect(off.status).toBe(200);
    expect((await rules()).find((r) => r.id === warm.id)!.excursion).toBeNull();
    expect(seen).toBeGreaterThan(0);
  });
});
