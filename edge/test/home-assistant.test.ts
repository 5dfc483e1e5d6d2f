import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyMosquittoPassword } from '@doorside/firmware-config';
import { brokerFiles } from '../src/devices/broker-files.ts';
import { inbox, subackCodes } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
let ha: MqttClient;
beforeAll(async () => {
  gw = await startTestGateway({ homeAssistant: true });
  const account = gw.creds.integrations!.find((i) => i.name === 'homeassistant')!;
  ha = await connectAsync(gw.mqtt, { username: account.username, password: account.password, clientId: account.username, reconnectPeriod: 0 });
});
afterAll(async () => { await ha.endAsync(true); await gw.stop(); });

describe('Home Assistant on the embedded broker', () => {
  it('finds every room as a status sensor and an announcement sensor through discovery and reads its status', async () => {
    const received = inbox(ha);

    await ha.subscribeAsync(['homeassistant/#', 'doorside/demo/rooms/+/status'], { qos: 1 });
    await received.next(() => received.messages.length >= 45);

    const configs = received.messages.filter((m) => m.topic.startsWith('homeassistant/sensor/doorside_demo/')).map((m) => JSON.parse(m.payload));
    const statuses = received.messages.filter((m) => /^doorside\/demo\/rooms\/[^/]+\/status$/.test(m.topic));
    expect(configs).toHaveLength(30);
    expect(statuses).toHaveLength(15);
    expect(configs.filter((c) => /^doorside\/demo\/rooms\/r\d+\/status$/.test(c.state_topic))).toHaveLength(15);
    const announcements = configs.filter((c) => /^doorside\/demo\/rooms\/r\d+\/announcement$/.test(c.state_topic));
    expect(announcements).toHaveLength(15);
    expect(announcements[0]).toMatchObject({ name: 'Announcement', json_attributes_topic: announcements[0].state_topic });
    expect(announcements[0].device.identifiers).toEqual(configs.find((c) => c.state_topic === announcements[0].state_topic.replace(/announcement$/, 'status')).device.identifiers);
  });

  it('reads a room\'s announcement from its retained topic while it is live, and an empty message when it is taken down', async () => {
    const hanna = await gw.login('hanna');
    const received = inbox(ha);
    await ha.subscribeAsync('doorside/demo/rooms/r204/announcement', { qos: 1 });

    const made = await gw.call('POST', '/api/announcements', {
      cookie: hanna, body: { title: { nl: 'Lift in onderhoud' }, text: { nl: 'Neem de trap.' }, targets: [{ kind: 'room', room: 'r204' }], expiresAt: new Date(Date.now() + 60_000).toISOString() },
    });
    const shown = await received.next((m) => m.payload !== '');
    await gw.call('POST', `/api/announcements/${made.body.id}/withdraw`, { cookie: hanna });
    const cleared = await received.next((m) => m.payload === '');

    expect(JSON.parse(shown.payload)).toMatchObject({ id: made.body.id, room: 'r204', title: { nl: 'Lift in onderhoud' }, text: { nl: 'Neem de trap.' } });
    expect(cleared.topic).toBe('doorside/demo/rooms/r204/announcement');
  });

  it('gets the same account and rights in the files for an external Mosquitto', () => {
    const account = gw.creds.integrations!.find((i) => i.name === 'homeassistant')!;

    const files = brokerFiles(gw.store, { username: 'doorside-gateway', password: 'gateway-secret' });

    const line = files.passwordFile.split('\n').find((l) => l.startsWith('homeassistant:'))!;
    expect(verifyMosquittoPassword(line, account.password)).toBe(true);
    expect(files.aclFile).toContain('user homeassistant\ntopic read doorside/demo/rooms/+/status\ntopic read doorside/demo/rooms/+/announcement\ntopic read homeassistant/#');
  });

  it('may not read device topics nor publish anything', async () => {
    const codes = await subackCodes(ha, ['doorside/demo/devices/sign-r101/commands', 'doorside/#']);
    const closed = new Promise<void>((resolve) => ha.once('close', () => resolve()));

    ha.publish('doorside/demo/rooms/r101/status', JSON.stringify({ status: 'available' }), { retain: true });
    await closed;

    expect(codes).toEqual([128, 128]);
    expect(gw.store.rooms.get('r101')!.status).toBe('available');
  });
});
