import { setTimeout as sleep } from 'node:timers/promises';
import { int } from '../bench/stats.ts';
import type { Actor } from '../src/rights/actor.ts';
import { killAll, spawnAgent } from '../../cloud-bridge/test/support/processes.ts';
import { type Rig, startRig, until } from '../../cloud-bridge/test/support/sync-rig.ts';
import type { Figures } from './figures.ts';
import { bundled } from './gateway-bundle.ts';
import { call } from './http-call.ts';

const facilityHead: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: [], room: null };

/** Keeps the site busy: a few tickets every few milliseconds, each a real chained event, until told to stop. */
function keepProducing(rig: Rig): () => Promise<void> {
  let running = true;
  let n = 0;
  const done = (async () => {
    while (running) {
      await Promise.all(Array.from({ length: 5 }, () => rig.gw.commands.handle(facilityHead, { room: 'r201' }, {
        type: 'open-ticket', kind: 'task', category: 'supplies', description: `Restock ${n++}`, priority: 'normal',
      })));
      await sleep(20);
    }
  })();
  return async () => { running = false; await done; };
}

/**
 * Replays and reorders, as a network or a confused second agent could cause them: an old
 * batch sent again (taken once: 200, nothing stored), and a later batch sent before the one
 * it follows (409 OUT_OF_ORDER), then both in order. Answers what the central server said.
 */
async function meddle(rig: Rig, tally: Map<string, number>): Promise<void> {
  const central = rig.central!;
  const key = { authorization: `Bearer ${rig.siteKey}` };
  const bridge = { authorization: `Bearer ${rig.gw.creds.bridge!.key}` };
  const page = async (after: number, limit: number) => (await call(rig.gw.http, 'GET', `/api/bridge/events?after=${after}&limit=${limit}`, { headers: bridge })).body as { events: { seq: number }[]; head: { seq: number; hash: string } };
  const send = async (what: string, after: number, limit: number) => {
    const p = await page(after, limit);
    if (p.events.length === 0) return;
    const res = await call(central.url, 'POST', '/api/sites/demo/events', { headers: key, body: { after, events: p.events, head: p.head } });
    const label = `${what} -> ${res.status}${res.body?.error ? ` ${res.body.error}` : ''}`;
    tally.set(label, (tally.get(label) ?? 0) + 1);
  };
  const cursor = (await central.siteCursor('demo')).seq;
  if (cursor > 0) await send('replay of an old batch', Math.floor(Math.random() * cursor), 1 + Math.floor(Math.random() * 50));
  await send('later batch first', cursor + 20, 20);
  await send('earlier batch', cursor, 20);
  await send('later batch again', cursor + 20, 20);
}

/**
 * Section 4: the sync agent (its own process) killed with SIGKILL mid-sync again and again
 * while the site writes and head office sends commands, with replayed and reordered batches
 * between kills. At the end the central copy equals the site's log, event for event.
 */
export async function agentKills(figures: Figures, kills: number, budgetMs: number): Promise<void> {
  const deadline = performance.now() + budgetMs;
  const rig = await startRig();
  const tally = new Map<string, number>();
  let done = 0;
  let behindAtKill = 0;
  try {
    const setup = {
      gatewayUrl: rig.gw.http, bridgeKey: rig.gw.creds.bridge!.key, centralUrl: rig.central!.url, siteKey: rig.siteKey,
      extra: { DOORSIDE_SYNC_BATCH_SIZE: '20' },
    };
    // The agent prebuilt as one module: a hundred starts then cost no compiling.
    const agentScript = await bundled(new URL('../../cloud-bridge/src/agent/main.ts', import.meta.url));
    const stopProducing = keepProducing(rig);
    const commands: string[] = [];
    const rooms = ['r301', 'r302', 'r303', 'r304', 'r305'];
    for (let i = 0; i < kills && performance.now() < deadline; i++) {
      if (i % 5 === 0) {
        commands.push(await rig.central!.enqueueCommand('demo', {
          type: 'set-room-status', room: rooms[(i / 5) % 5]!, status: Math.floor(i / 25) % 2 === 0 ? 'do_not_use' : 'available', by: 'soak',
        }));
      }
      const agent = spawnAgent(setup, `agent-${i}`, agentScript);
      const before = (await rig.central!.siteCursor('demo')).seq;
      await until(`agent ${i} ships a batch`, async () => (await rig.central!.siteCursor('demo')).seq > before, 60_000, 10);
      await sleep(Math.random() * 300);
      await agent.kill('SIGKILL');
      if (rig.gatewayHead().seq > (await rig.central!.siteCursor('demo')).seq) behindAtKill += 1;
      await meddle(rig, tally);
      done = i + 1;
      if (done % 20 === 0) console.log(`  ${done} agent kills; site head ${int(rig.gatewayHead().seq)}, central cursor ${int((await rig.central!.siteCursor('demo')).seq)}`);
    }
    await stopProducing();
    const last = spawnAgent(setup, 'agent-final', agentScript);
    await rig.inSync(120_000);
    await until('every command is answered', async () => (await Promise.all(commands.map((id) => rig.central!.commandState(id)))).every((s) => s.state !== 'pending'), 60_000);
    await rig.inSync(60_000);
    await last.kill('SIGTERM');

    const head = rig.gatewayHead();
    const central = await rig.centralEvents();
    const site = rig.gatewayEvents();
    const same = central.length === site.length && central.every((e, i) => e.seq === i + 1 && e.hash === site[i]!.hash);
    const alerts = await rig.central!.alerts('demo');
    const states = await Promise.all(commands.map((id) => rig.central!.commandState(id)));
    const applied = rig.gw.store.db.prepare("SELECT count(*) AS n FROM events WHERE actor = 'central:soak'").get() as { n: number };
    for (const [what, n] of [...tally].sort()) console.log(`  meddling: ${what}: ${n}`);
    const section = '4';
    figures.add({ section, measure: 'SIGKILLs of the sync agent mid-sync', value: `${int(done)} (${behindAtKill} with events still unsent)${done < kills ? `, time budget of ${budgetMs / 1000} s reached` : ''}`, target: '100', pass: done >= 100 });
    figures.add({ section, measure: 'replayed / reordered batches sent between kills', value: `${int([...tally].filter(([k]) => k.startsWith('replay')).reduce((s, [, n]) => s + n, 0))} / ${int([...tally].filter(([k]) => k.startsWith('later batch first')).reduce((s, [, n]) => s + n, 0))}`, target: 'recorded', pass: null });
    figures.add({ section, measure: 'central copy equals the site log (seq and hash, every event)', value: `${same ? 'equal' : 'DIFFERENT'}: ${int(central.length)} of ${int(head.seq)} events`, target: 'equal', pass: same && central.length === head.seq });
    figures.add({ section, measure: 'central alerts raised', value: String(alerts.length), target: '0', pass: alerts.length === 0 });
    figures.add({ section, measure: 'head-office commands applied once', value: `${states.filter((s) => s.state === 'applied').length} applied of ${commands.length}; ${applied.n} applied events on the site`, target: 'all, once', pass: states.every((s) => s.state === 'applied') && applied.n === commands.length });
  } finally {
    await killAll();
    await rig.stop();
  }
}
