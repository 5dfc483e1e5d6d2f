import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIVE_CLOSE } from '../src/contracts/index.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

interface Feed { socket: WebSocket; snapshot: boolean; closed: Promise<number> }

/** Opens `/ws` with a device's credentials; resolves once it has its snapshot or was closed. */
async function deviceFeed(id: string): Promise<Feed> {
  const device = gw.creds.devices.find((d) => d.id === id)!;
  const socket = new WebSocket(`${gw.http.replace('http', 'ws')}/ws?device=${id}&secret=${encodeURIComponent(device.password)}`);
  const closed = once(socket, 'close').then(([code]) => code as number);
  const first = new Promise<boolean>((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString()).kind === 'snapshot'));
    socket.once('close', () => resolve(false));
  });
  return { socket, snapshot: await first, closed };
}

async function refusedCount(): Promise<number> {
  const text = await (await fetch(`${gw.http}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('doorside_live_refused_total'));
  return line ? Number(line.split(' ').at(-1)) : Number.NaN;
}

const feeds: Feed[] = [];
async function open(id: string): Promise<Feed> {
  const feed = await deviceFeed(id);
  feeds.push(feed);
  return feed;
}

describe('live feeds opened with one device\'s credentials', () => {
  it('keeps four open at once and closes a fifth with 4429, counted', async () => {
    const [sign] = gw.creds.devices.filter((d) => d.kind === 'sign');
    const before = await refusedCount();

    const four = [await open(sign!.id), await open(sign!.id), await open(sign!.id), await open(sign!.id)];
    const fifth = await open(sign!.id);

    expect(four.map((f) => f.snapshot)).toEqual([true, true, true, true]);
    expect(fifth.snapshot).toBe(false);
    expect(await fifth.closed).toBe(LIVE_CLOSE.tooMany);
    expect(four.every((f) => f.socket.readyState === WebSocket.OPEN)).toBe(true);
    expect(await refusedCount()).toBe(before + 1);
  });

  it('lets another device open its feeds while one device is at its limit', async () => {
    const [, other] = gw.creds.devices.filter((d) => d.kind === 'sign');

    const feed = await open(other!.id);

    expect(feed.snapshot).toBe(true);
  });

  it('takes a new feed once one of the four has closed', async () => {
    const [sign] = gw.creds.devices.filter((d) => d.kind === 'sign');
    const open4 = feeds.filter((f) => f.socket.readyState === WebSocket.OPEN && f.socket.url.includes(`device=${sign!.id}&`));
    expect(open4).toHaveLength(4);

    open4[0]!.socket.close();
    await open4[0]!.closed;
    const again = await open(sign!.id);

    expect(again.snapshot).toBe(true);
  });
});

afterAll(() => { for (const f of feeds) f.socket.terminate(); });
