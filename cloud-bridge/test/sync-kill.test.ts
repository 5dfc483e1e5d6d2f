import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import type { Actor } from '../../edge/src/rights/actor.ts';
import { killAll, spawnAgent } from './support/processes.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

const KILLS = 20;
let rig: Rig | undefined;
afterEach(async () => {
  await killAll();
  await rig?.stop();
}, 120_000);

/** Keeps the site busy: a ticket every few milliseconds, each a real chained event, until told to stop. */
function keepProducing(r: Rig) {
  const actor: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: [], room: null };
  let running = true;
  let n = 0;
  const done = (async () => {
    while (running) {
      await Promise.all(Array.from({ length: 5 }, () => r.gw.commands.handle(actor, { room: 'r201' }, {
        type: 'open-ticket', kind: 'task', category: 'supplies', description: `Restock ${n++}`, priority: 'normal',
      })));
      await sleep(5);
    }
  })();
  return async () => { running = false; await done; };
}

it('ships every event exactly once although the agent is killed with SIGKILL twenty times mid-sync', async () => {
  rig = await startRig();
  const setup = {
    gatewayUrl: rig.gw.http, bridgeKey: rig.gw.creds.bridge!.key, centralUrl: rig.central!.url, siteKey: rig.siteKey,
    extra: { DOORSIDE_SYNC_BATCH_SIZE: '20', DOORSIDE_LOG: 'true' },
  };
  const stopProducing = keepProducing(rig);
  const commands: string[] = [];
  const rooms = ['r301', 'r302', 'r303', 'r304', 'r305'];
  const kills: number[] = [];

  for (let i = 0; i < KILLS; i++) {
    commands.push(await rig.central!.enqueueCommand('demo', {
      type: 'set-room-status', room: rooms[i % 5]!, status: Math.floor(i / 5) % 2 === 0 ? 'do_not_use' : 'available', by: 'kill-test',
    }));
    const agent = spawnAgent(setup, `agent-${i}`);
    // Once this agent has moved the central cursor it is in the middle of syncing; kill it at a random moment from there.
    const before = (await rig.central!.siteCursor('demo')).seq;
    await until(`agent ${i} ships a batch`, async () => (await rig!.central!.siteCursor('demo')).seq > before, 60_000, 10);
    await sleep(Math.random() * 400);
    const exit = await agent.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    kills.push(rig.gatewayHead().seq - (await rig.central!.siteCursor('demo')).seq);
  }
  await stopProducing();
  // The kills landed while there was still work to ship, not in a quiet moment.
  expect(kills.filter((behind) => behind > 0).length).toBeGreaterThanOrEqual(KILLS / 2);

  const last = spawnAgent(setup, 'agent-final');
  await rig.inSync(60_000);
  await until('every command is answered', async () => {
    const states = await Promise.all(commands.map((id) => rig!.central!.commandState(id)));
    return states.every((s) => s.state !== 'pending');
  });
  await rig.inSync(30_000);
  const stopped = await last.kill('SIGTERM');

  expect(stopped).toEqual({ code: 0, signal: null });
  const head = rig.gatewayHead();
  const central = await rig.centralEvents();
  expect(await rig.central!.eventCount('demo')).toBe(head.seq);
  expect(central.map((e) => e.seq)).toEqual(Array.from({ length: head.seq }, (_, i) => i + 1));
  expect(central.map((e) => e.hash)).toEqual(rig.gatewayEvents().map((e) => e.hash));
  expect(await rig.central!.alerts('demo')).toEqual([]);
  // Each command applied once on the site, whatever moment the kills hit.
  const states = await Promise.all(commands.map((id) => rig!.central!.commandState(id)));
  expect(states.map((s) => s.state)).toEqual(commands.map(() => 'applied'));
  const applied = rig.gw.store.db.prepare("SELECT count(*) AS n FROM events WHERE actor = 'central:kill-test'").get() as { n: number };
  expect(applied.n).toBe(KILLS);
  expect(new Set(states.map((s) => s.seq)).size).toBe(KILLS);
}, 240_000);
