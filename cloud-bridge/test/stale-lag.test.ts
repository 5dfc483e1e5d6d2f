import { afterEach, expect, it } from 'vitest';
import type { Actor } from '../../edge/src/rights/actor.ts';
import { call, signIn } from './support/central-harness.ts';
import { type Rig, startRig } from './support/sync-rig.ts';

let rig: Rig | undefined;
afterEach(async () => { await rig?.stop(); });

const hanna: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: [], room: null };

it('shows no lag from an agent report older than the catch-up that followed it, however late that report arrives', async () => {
  rig = await startRig();
  const r = rig;
  const rooms = r.gw.creds.rooms.map((x) => x.id);
  await Promise.all(Array.from({ length: 40 }, (_, i) => r.gw.commands.handle(hanna, { room: rooms[i % rooms.length]! }, {
    type: 'open-ticket', kind: 'task', category: 'supplies', description: `Restock ${i}`, priority: 'normal',
  })));
  const head = r.gatewayHead().seq;
  // What the agent said before it shipped anything: everything behind, two minutes old.
  const before = {
    lastSyncAt: null, lastAttemptAt: new Date().toISOString(), centralCursor: 0, gatewayHead: head, lagEvents: head, lagSeconds: 120,
    linkUp: true, lastError: null, reportEveryMs: 60_000,
  };
  const status = (body: unknown) => call(r.central!, 'POST', '/api/sites/demo/status', { key: r.siteKey, body });
  expect((await status(before)).status).toBe(200);
  const cookie = await signIn(r.central!, 'auditor', 'audit-the-whole-chain-please');
  const line = async () => (await call(r.central!, 'GET', '/api/sites', { cookie })).body.sites.find((s: { site: string }) => s.site === 'demo');
  expect((await line()).lag.agent.lagEvents).toBe(head);

  // The catch-up; the agent's next report is a minute away.
  r.startAgent({ reportMs: 60_000 });
  await r.inSync();
  const caughtUp = await line();
  // The same old report, held up in the network, arrives after the catch-up.
  expect((await status(before)).status).toBe(200);
  const afterLate = await line();

  for (const seen of [caughtUp, afterLate]) {
    expect(seen.lag.events).toBe(0);
    expect(seen.lag.agent).toMatchObject({ lagEvents: 0, lagSeconds: 0, centralCursor: seen.cursor.seq });
  }
  // The late report still says the agent is there.
  expect(Date.parse(afterLate.link.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(caughtUp.link.lastSeenAt));
}, 60_000);
