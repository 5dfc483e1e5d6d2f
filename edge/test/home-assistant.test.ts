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
  it('finds every room as a sensor through discovery and reads its status', async () => {
    const received = inbox(ha);

    await ha.subscribeAsync(['homeassistant/#', 'doorside/demo/rooms/+/status'], { qos: 1 });
    await received.next(() => received.messages.length >= 30);

    const configs = received.messages.filter((m) => m.topic.startsWith('homeassistant/sensor/doorside_demo/'));
    const statuses = received.messages.filter((m) => /^doorside\/demo\/rooms\/[^/]+\/status$/.test(m.topic));
    expect(configs).toHaveLength(15);
    expect(statuses).toHaveLength(15);
    expect(JSON.parse(configs[0]!.payload).state_topic).toMatch(/^doorside\/demo\/rooms\/r\d+\/status$/);
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
