import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/** A raw TCP client that says what it is given and then never answers, nor closes: a sign whose power or Wi-Fi went. */
async function silentClient(http: string, says: string): Promise<Socket> {
  const { hostname, port } = new URL(http);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(says);
  socket.pause();
  return socket;
}

const upgrade = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n`
  + 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

describe('stopping the gateway with clients that never answer', () => {
  let gw: TestGateway | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await gw?.stop().catch(() => {});
    gw = undefined;
  });

  it('stops within seconds, though a live feed never answers its close and a request never finishes its head', async () => {
    gw = await startTestGateway();
    const sign = gw.creds.devices.find((d) => d.id === 'sign-r101')!;
    const feed = await silentClient(gw.http, upgrade(`/ws?device=${sign.id}&secret=${encodeURIComponent(sign.password)}`));
    const refused = await silentClient(gw.http, upgrade('/ws'));
    const halfHead = await silentClient(gw.http, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    sockets.push(feed, refused, halfHead);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    await gw.stop();
    const tookMs = Date.now() - started;
    gw = undefined;

    expect(tookMs).toBeLessThan(10_000);
    for (const s of [feed, refused, halfHead]) {
      await new Promise<void>((resolve) => { if (s.readableEnded || s.destroyed) resolve(); else { s.once('close', () => resolve()); s.resume(); } });
    }
  }, 60_000);
});
