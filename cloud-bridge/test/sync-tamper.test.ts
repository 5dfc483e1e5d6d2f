import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, signIn } from './support/central-harness.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  rig.startAgent({ refusedRetryMs: 1000 });
  await rig.inSync();
});
afterEach(async () => { await rig.stop(); });

/** The gateway's SQLite file, opened the way an intruder with a shell would. */
function intruder() {
  return new Database(join(rig.gw.dir, 'demo.sqlite'));
}

async function someWork(tasks: number) {
  const hanna = await rig.gw.login('hanna');
  for (let i = 0; i < tasks; i++) {
    const res = await rig.gw.call('POST', '/api/tickets', { cookie: hanna, body: { kind: 'task', category: 'supplies', room: 'r301', description: `Paper ${i}` } });
    expect(res.status).toBe(201);
  }
}

async function alertsAtCentral() {
  const cookie = await signIn(rig.central!, 'auditor', 'audit-the-whole-chain-please');
  return (await call(rig.central!, 'GET', '/api/alerts?site=demo', { cookie })).body.alerts as { kind: string; seq: number | null; repeats: number }[];
}

describe('a site log changed behind the gateway', () => {
  it('is refused at the first edited event, raises an alert, and is retried slowly rather than in a loop', async () => {
    await rig.stopAgent();
    const synced = rig.gatewayHead().seq;
    await someWork(10);
    const edited = synced + 4;
    const db = intruder();
    db.exec('DROP TRIGGER events_append_only_update');
    const changed = db.prepare("UPDATE events SET state = json_set(state, '$.description', 'Nothing to see here') WHERE seq = ?").run(edited);
    expect(changed.changes).toBe(1);
    db.close();

    rig.startAgent({ refusedRetryMs: 1000 });
    await until('the central server raises an alert', async () => (await rig.central!.alerts('demo')).length > 0);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const [alert] = await rig.central!.alerts('demo');
    expect(alert).toMatchObject({ site: 'demo', kind: 'chain-broken', seq: edited });
    expect((await rig.central!.siteCursor('demo')).seq).toBe(synced);
    expect(rig.agent!.status).toMatchObject({ linkUp: true, lastError: expect.stringMatching(new RegExp(`^CHAIN_BROKEN: .*seq ${edited}`)) });
    // One refusal a second at most, not a spin: the central server counts each repeat of the alert.
    const [counted] = await alertsAtCentral();
    expect(counted!.repeats).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 1000) + 2);
    expect(rig.said.filter((l) => l.includes('CHAIN_BROKEN'))).toHaveLength(1);
  });

  it('is refused as cut back when its tail is deleted, with an alert', async () => {
    await someWork(6);
    await rig.inSync();
    await rig.stopAgent();
    const head = rig.gatewayHead().seq;
    const db = intruder();
    db.exec('DROP TRIGGER events_append_only_delete');
    db.prepare('DELETE FROM events WHERE seq > ?').run(head - 3);
    db.close();

    rig.startAgent({ refusedRetryMs: 1000 });
    await until('the central server raises an alert', async () => (await rig.central!.alerts('demo')).length > 0);

    expect(await rig.central!.alerts('demo')).toEqual([expect.objectContaining({ site: 'demo', kind: 'log-cut-back' })]);
    expect(await rig.central!.siteCursor('demo')).toMatchObject({ seq: head });
    expect(rig.agent!.status.lastError).toMatch(/^LOG_CUT_BACK: /);
  });
});
