import http from 'node:http';
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from '../src/test-support/gateway-process.ts';

// The gateway runs in its own process, so what this process hears first is what the gateway wrote first.
let gw: GatewayProcess;
let sign: MqttClient;
beforeAll(async () => {
  gw = await startGatewayProcess();
  const device = gw.creds.devices.find((d) => d.id === 'sign-r101')!;
  sign = await connectAsync(gw.creds.mqtt, { clientId: device.id, username: device.username, password: device.password, reconnectPeriod: 0 });
}, 60_000);
afterAll(async () => { await sign?.endAsync(); await gw?.stop(); });

/** A POST whose promise resolves with the moment the answer's head arrived, before its body is read. */
function post(path: string, body: unknown, cookie?: string): Promise<{ status: number; at: number; json: any; cookie: string }> {
  const url = new URL(gw.http);
  const text = JSON.stringify(body);
  return new Promise((resolve, fail) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path, headers: {
      'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(cookie ? { cookie } : {}) } }, (res) => {
      const at = performance.now();
      let data = '';
      res.on('data', (chunk: Buffer) => { data += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, at, json: data ? JSON.parse(data) : null,
        cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ') }));
    });
    req.on('error', fail);
    req.end(text);
  });
}

async function login(username: string): Promise<string> {
  const user = gw.creds.users.find((u) => u.username === username)!;
  return (await post('/api/auth/login', { username, password: user.password })).cookie;
}

describe('the sign first', () => {
  it('puts a rejection\'s room status on the wire to the sign before the HTTP answer', async () => {
    const heard = new Map<string, number>();
    sign.on('message', (_topic, payload) => {
      const ticket = (JSON.parse(payload.toString()) as { ticket?: string }).ticket;
      if (ticket && !heard.has(ticket)) heard.set(ticket, performance.now());
    });
    await sign.subscribeAsync('doorside/demo/rooms/r101/status', { qos: 1 });
    const [boss, staff] = [await login('fiona'), await login('ana')];
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      const reported = await post('/api/tickets', { kind: 'task', category: 'cleaning', room: 'r101', description: 'Bins are full' }, boss);
      expect(reported.status, JSON.stringify(reported.json)).toBe(201);
      const id = reported.json.id as string;
      expect((await post(`/api/tickets/${id}/assign`, { assignee: 'ana' }, boss)).status).toBe(200);
      expect((await post(`/api/tickets/${id}/start`, {}, staff)).status).toBe(200);
      expect((await post(`/api/tickets/${id}/complete`, { note: 'Emptied' }, staff)).status).toBe(200);
      const answer = await post(`/api/tickets/${id}/reject`, { reason: 'Not cleaned' }, boss);
      expect(answer.status).toBe(200);
      order.push(heard.has(id) && heard.get(id)! <= answer.at ? 'sign first' : 'answer first');
    }
    expect(order).toEqual(Array(8).fill('sign first'));
  }, 60_000);
});
