import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox, subackCodes } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let admin: string;
const clients: MqttClient[] = [];
beforeAll(async () => { gw = await startTestGateway(); admin = await gw.login('hanna'); });
afterAll(async () => { await Promise.all(clients.map((c) => c.endAsync(true))); await gw.stop(); });

async function connect(username: string, password: string) {
  const client = await connectAsync(gw.mqtt, { username, password, clientId: username, reconnectPeriod: 0 });
  clients.push(client);
  return client;
}
const refusal = (username: string, password: string) =>
  connect(username, password).then(() => 'connected', (error: { code?: number }) => `refused ${error.code}`);

describe('device provisioning over HTTP', () => {
  it('adds a device with a secret shown once and ready configs, and lets it read its room', async () => {
    const res = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'epaper-r203', kind: 'epaper', room: 'r203' } });
    const sign = await connect('epaper-r203', res.body.mqtt.password);
    const received = inbox(sign);

    await sign.subscribeAsync('doorside/demo/rooms/r203/status');

    expect(res.status).toBe(201);
    expect(res.body.device).toEqual({ id: 'epaper-r203', kind: 'epaper', room: 'r203', revoked: false });
    expect(res.body.esphome).toContain('doorside/demo/rooms/r203/status');
    expect(JSON.parse((await received.next(() => true)).payload)).toMatchObject({ room: 'r203', status: 'available' });
  });

  it('refuses staff with 403 and a taken id with 409', async () => {
    const staff = await gw.call('POST', '/api/devices', { cookie: await gw.login('ana'), body: { id: 'sign-x', kind: 'sign', room: 'r101' } });
    const taken = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'sign-r101', kind: 'sign', room: 'r101' } });

    expect([staff.status, staff.body.error]).toEqual([403, 'NOT_PERMITTED']);
    expect([taken.status, taken.body.error]).toEqual([409, 'DEVICE_EXISTS']);
  });

  it('disconnects a revoked device within a second and refuses its next connect', async () => {
    const added = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'sign-gone', kind: 'sign', room: 'r301' } });
    const client = await connect('sign-gone', added.body.mqtt.password);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    const started = Date.now();

    await gw.call('POST', '/api/devices/sign-gone/revoke', { cookie: admin });
    await closed;

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await refusal('sign-gone', added.body.mqtt.password)).toBe('refused 5');
  });

  it('rotates a secret: the old one stops working, the new one works', async () => {
    const added = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'panel-spare', kind: 'panel', room: 'r302' } });

    const rotated = await gw.call('POST', '/api/devices/panel-spare/rotate', { cookie: admin });

    expect(rotated.body.mqtt.password).not.toBe(added.body.mqtt.password);
    expect(await refusal('panel-spare', added.body.mqtt.password)).toBe('refused 5');
    expect(await refusal('panel-spare', rotated.body.mqtt.password)).toBe('connected');
  });

  it('rebinds a device so it reads its new room and not the old one', async () => {
    const added = await gw.call('POST', '/api/devices', { cookie: admin, body: { id: 'sign-mobile', kind: 'sign', room: 'r101' } });
    await gw.call('POST', '/api/devices/sign-mobile/bind', { cookie: admin, body: { room: 'r102' } });
    const client = await connect('sign-mobile', added.body.mqtt.password);

    const granted = await subackCodes(client, ['doorside/demo/rooms/r101/status', 'doorside/demo/rooms/r102/status']);

    expect(granted).toEqual([128, 1]);
  });

  it('sends a command to a device and lists devices with presence', async () => {
    const sign = await gw.device('sign-r303');
    const received = inbox(sign);
    await sign.subscribeAsync('doorside/demo/devices/sign-r303/commands');

    const res = await gw.call('POST', '/api/devices/sign-r303/commands', { cookie: admin, body: { type: 'show', text: 'Fire drill at 11:00' } });
    const list = await gw.call('GET', '/api/devices', { cookie: admin });

    expect(res.status).toBe(202);
    expect(JSON.parse((await received.next(() => true)).payload)).toEqual({ type: 'show', text: 'Fire drill at 11:00', seconds: 30 });
    expect(list.body.devices.find((d: { id: string }) => d.id === 'sign-r303')).toMatchObject({ online: true, kind: 'sign', room: 'r303' });
  });
});

describe('device events over MQTT', () => {
  async function panel(id: string) {
    const client = await gw.device(id);
    const replies = inbox(client);
    await client.subscribeAsync(`doorside/demo/devices/${id}/commands`);
    const press = async (event: object) => {
      const before = replies.messages.length;
      await client.publishAsync(`doorside/demo/devices/${id}/events`, JSON.stringify(event));
      return JSON.parse((await replies.next((m) => replies.messages.indexOf(m) >= before)).payload);
    };
    return press;
  }

  it('opens a service request from a door panel button', async () => {
    const press = await panel('panel-r304');

    const reply = await press({ type: 'button', action: 'request_service' });

    expect(reply).toMatchObject({ type: 'done', action: 'request_service' });
    expect(gw.store.tickets.get(reply.ticket)).toMatchObject({ room: 'r304', category: 'cleaning', kind: 'task' });
  });

  it('denies a sign that presses a button it has no right to, and changes nothing', async () => {
    const press = await panel('sign-r304');
    const before = gw.store.log.head.seq;

    const reply = await press({ type: 'button', action: 'request_service' });

    expect(reply).toMatchObject({ type: 'denied', code: 'NOT_PERMITTED' });
    expect(gw.store.log.head.seq).toBe(before);
  });

  it('rejects the finished job in its room with the reason from the button', async () => {
    const press = await panel('panel-r305');
    const nothing = await press({ type: 'button', action: 'approve' });
    const url = new URL(gw.creds.rooms.find((r) => r.id === 'r305')!.reportApi);
    const id = (await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Crumbs' } })).body.ticket.id;
    const ana = await gw.login('ana');
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: await gw.login('sofia'), body: { assignee: 'ana' } });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: ana });
    await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: ana });

    const reply = await press({ type: 'button', action: 'reject', reason: 'Not cleaned' });

    expect(nothing).toMatchObject({ type: 'denied', code: 'NOTHING_TO_VERIFY' });
    expect(reply).toMatchObject({ type: 'done', ticket: id });
    expect(gw.store.tickets.get(id)!.status).toBe('rejected');
    expect(gw.store.rooms.get('r305')!.status).toBe('pending_recovery');
  });

  it('keeps the latest sensor reading of a device for the device list', async () => {
    const sign = await gw.device('sign-r202');

    await sign.publishAsync('doorside/demo/devices/sign-r202/events', JSON.stringify({ type: 'reading', sensor: 'temperature', value: 23.5, unit: 'C' }));
    await new Promise((r) => setTimeout(r, 100));
    const list = await gw.call('GET', '/api/devices', { cookie: admin });

    expect(list.body.devices.find((d: { id: string }) => d.id === 'sign-r202').readings).toMatchObject([{ sensor: 'temperature', value: 23.5, unit: 'C' }]);
  });
});
