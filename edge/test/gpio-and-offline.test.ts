import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachGpioPanel } from '../src/gpio/gateway-gpio-panel.ts';
import type { SimulatedPins } from '../src/gpio/pins.simulated.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let now = Date.parse('2026-11-23T08:00:00.000Z');
const clock = () => new Date(now).toISOString();
let gw: TestGateway;
let dir: string;
beforeAll(async () => {
  gw = await startTestGateway({ clock });
  dir = mkdtempSync(join(tmpdir(), 'doorside-gpio-'));
});
afterAll(async () => {
  await gw.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the GPIO door panel on the gateway', () => {
  it('opens a service request on a press, then approves the finished job on the next, with lamps following the room', async () => {
    const configFile = join(dir, 'gpio.json');
    writeFileSync(configFile, JSON.stringify({ room: 'r204', button: { bcm: 17, debounceMs: 20 }, leds: { red: { bcm: 22 }, green: { bcm: 27 } }, relay: { bcm: 23 } }));
    const gpio = await attachGpioPanel({ configFile, store: gw.store, events: gw.deviceEvents, say: () => {}, root: dir });
    const pins = gpio.driver as SimulatedPins;
    const push = async () => { pins.press(17); await sleep(60); pins.release(17); await sleep(60); };
    const lamps = () => ({ red: pins.value(22), green: pins.value(27) });
    const before = lamps();

    await push();
    const opened = gw.store.tickets.openInRoom('r204').find((t) => t.reporter.id === 'device:gpio-r204')!;
    const afterRequest = lamps();
    const ana = { ref: 'user:ana', user: 'ana', role: 'staff' as const, teams: ['cleaning'], room: null };
    gw.commands.run({ ...ana, ref: 'user:sofia', user: 'sofia', role: 'supervisor' }, { ticket: opened.id }, { type: 'assign', assignee: 'ana' });
    gw.commands.run(ana, { ticket: opened.id }, { type: 'start' });
    gw.commands.run(ana, { ticket: opened.id }, { type: 'complete' });
    await push();

    expect(before).toEqual({ red: 0, green: 1 });
    expect(afterRequest).toEqual({ red: 1, green: 0 });
    expect(gw.store.tickets.get(opened.id)!.status).toBe('verified');
    expect(lamps()).toEqual({ red: 0, green: 1 });
    gpio.close();
  });
});

describe('offline device alerts', () => {
  it('opens one ticket for a sign offline past the limit, and a new one for its next outage', async () => {
    gw.presence.mark('sign-r205', false, clock());
    now += 11 * 60_000;

    const first = await gw.offlineWatch.tick();
    const again = await gw.offlineWatch.tick();
    gw.presence.mark('sign-r205', true, clock());
    await gw.offlineWatch.tick();
    gw.presence.mark('sign-r205', false, clock());
    now += 11 * 60_000;
    const next = await gw.offlineWatch.tick();

    expect(first).toHaveLength(1);
    expect(gw.store.tickets.get(first[0]!)).toMatchObject({ room: 'r205', category: 'devices', team: 'facility', title: 'Sign sign-r205 offline' });
    expect(again).toEqual([]);
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(first[0]);
  });
});
