import { int } from '../bench/stats.ts';
import type { Actor } from '../src/rights/actor.ts';
import { startRig, until } from '../../cloud-bridge/test/support/sync-rig.ts';
import type { Figures } from './figures.ts';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Section 5: a whole day with the cloud link down, time compressed. The gateway's clock runs
 * through 24 hours while the site writes `count` events (tickets opened, worked and
 * commented on, as a day would bring them); then the central server returns and the agent
 * catches up. Every event arrives once, in order, with the site's own times.
 */
export async function dayOffline(figures: Figures, count: number): Promise<void> {
  const start = Date.parse('2026-06-01T00:00:00.000Z');
  let now = start;
  const rig = await startRig({}, { clock: () => new Date(now).toISOString() });
  try {
    rig.startAgent({ backoffMaxMs: 2000 });
    await rig.inSync();
    await rig.stopCentral();
    await until('the agent notices the link is down', () => rig.agent!.status.linkUp === false);
    const startHead = rig.gatewayHead().seq;
    const actor: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: [], room: null };
    const rooms = rig.gw.creds.rooms.map((r) => r.id);
    const step = DAY_MS / count;
    const produced = performance.now();
    let open: string[] = [];
    while (rig.gatewayHead().seq - startHead < count) {
      const left = count - (rig.gatewayHead().seq - startHead);
      const chunk = Math.min(500, left);
      // Half new tickets, half comments on tickets opened in the chunk before.
      const opened = await Promise.all(Array.from({ length: Math.ceil(chunk / 2) }, (_, i) => {
        now += step;
        return rig.gw.commands.handle(actor, { room: rooms[i % rooms.length]! }, {
          type: 'open-ticket', kind: 'task', category: 'supplies', description: `Day offline ${i}`, priority: 'normal',
        });
      }));
      await Promise.all(open.slice(0, Math.floor(chunk / 2)).map((id) => {
        now += step;
        return rig.gw.commands.handle(actor, { ticket: id }, { type: 'comment', text: 'Checked', internal: true });
      }));
      open = opened.map((r) => r.ticket.id);
    }
    const produceSeconds = (performance.now() - produced) / 1000;
    const offlineHead = rig.gatewayHead().seq;
    const caughtUp = performance.now();
    await rig.restartCentral();
    await rig.inSync(300_000);
    const catchUpSeconds = (performance.now() - caughtUp) / 1000;

    const head = rig.gatewayHead();
    const central = await rig.centralEvents();
    const site = rig.gatewayEvents();
    const once = (await rig.central!.eventCount('demo')) === head.seq && central.length === head.seq;
    const inOrder = central.every((e, i) => e.seq === i + 1 && e.hash === site[i]!.hash);
    const times = rig.gw.store.db.prepare('SELECT min(at) AS first, max(at) AS last FROM events WHERE seq > ?').get(startHead) as { first: string; last: string };
    const spanHours = (Date.parse(times.last) - Date.parse(times.first)) / 3_600_000;
    const alerts = await rig.central!.alerts('demo');
    const section = '5';
    figures.add({ section, measure: 'events written with the link down', value: `${int(offlineHead - startHead)} over ${spanHours.toFixed(1)} h of site time (written in ${produceSeconds.toFixed(0)} s)`, target: '50,000 over a day', pass: offlineHead - startHead >= 50_000 && spanHours >= 23.5 });
    figures.add({ section, measure: 'arrived at central exactly once', value: `${int(central.length)} stored for a site head of ${int(head.seq)}`, target: 'all, once', pass: once });
    figures.add({ section, measure: 'in order, hashes equal to the site', value: inOrder ? 'yes' : 'NO', target: 'yes', pass: inOrder });
    figures.add({ section, measure: 'catch-up time after the link returned', value: `${catchUpSeconds.toFixed(1)} s`, target: 'recorded', pass: null });
    figures.add({ section, measure: 'central alerts raised', value: String(alerts.length), target: '0', pass: alerts.length === 0 });
  } finally {
    await rig.stop();
  }
}
