import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../edge/src/test-support/test-gateway.ts';
import { killAll, run, scripts } from '../../edge/test/support/processes.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

let rig: Rig;
let restored: TestGateway | null = null;
let out: string;
beforeEach(async () => {
  rig = await startRig();
  out = mkdtempSync(join(tmpdir(), 'doorside-restore-'));
});
afterEach(async () => {
  await killAll();
  await rig.stopAgent();
  await restored?.close();
  restored = null;
  await rig.stop();
  rmSync(out, { recursive: true, force: true });
});

async function tasks(gw: TestGateway, count: number, label: string): Promise<string[]> {
  const hanna = await gw.login('hanna');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await gw.call('POST', '/api/tickets', { cookie: hanna, body: { kind: 'task', category: 'supplies', room: 'r301', description: `${label} ${i}` } });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

async function inSyncWith(gw: TestGateway) {
  await until('the central cursor is the restored gateway head', async () => {
    const cursor = await rig.central!.siteCursor('demo');
    return cursor.seq === gw.store.log.head.seq && cursor.hash === gw.store.log.head.hash;
  });
}

describe('a site restored from a backup while the central copy went further', () => {
  it('goes on from the backup as a new line; the central copy sets the cut-off events aside with an alert and re-queues its commands', async () => {
    rig.startAgent();
    await tasks(rig.gw, 2, 'Before the backup');
    await rig.inSync();
    const file = join(out, 'site.sqlite');
    const backup = run(scripts.backup, [file], { DOORSIDE_DATA_DIR: rig.gw.dir });
    expect(await backup.exited, backup.output()).toBe(0);
    const backupHead = rig.gw.store.log.head;
    await tasks(rig.gw, 3, 'After the backup');
    const command = await rig.central!.enqueueCommand('demo', { type: 'set-room-status', room: 'r102', status: 'do_not_use', reason: 'Water leak', by: 'hq-ops' });
    await until('head office\'s command is applied', async () => (await rig.central!.commandState(command)).state === 'applied');
    await rig.inSync();
    const centralHeadBefore = await rig.central!.siteCursor('demo');
    await rig.stopAgent();
    const port = Number(new URL(rig.gw.http).port);
    await rig.gw.close();

    const restore = run(scripts.restore, [file], { DOORSIDE_DATA_DIR: rig.gw.dir });
    expect(await restore.exited, restore.output()).toBe(0);
    restored = await startTestGateway({ dataDir: rig.gw.dir, httpPort: port });
    await tasks(restored, 1, 'After the restore');
    rig.startAgent();
    await inSyncWith(restored);
    await until('the command is applied again on the restored site', async () => (await rig.central!.commandState(command)).state === 'applied');
    await inSyncWith(restored);

    const central = await rig.central!.events('demo', 0, 5000);
    const local = restored.store.log.after(0, 5000);
    expect(central.map((e) => [e.seq, e.hash])).toEqual(local.map((e) => [e.seq, e.hash]));
    expect(await rig.central!.verifySite('demo')).toMatchObject({ ok: true });
    expect(central[backupHead.seq]).toMatchObject({ seq: backupHead.seq + 1, type: 'site-restored', prevHash: backupHead.hash });
    const alerts = await rig.central!.alerts('demo');
    expect(alerts).toEqual([expect.objectContaining({ kind: 'site-restored', seq: backupHead.seq + 1 })]);
    expect(alerts[0]!.message).toContain(`the ${centralHeadBefore.seq - backupHead.seq} events the central copy held after it (up to seq ${centralHeadBefore.seq}) are kept aside as line 1`);
    expect(rig.said.join('\n')).toContain(`the site was restored from a backup at seq ${backupHead.seq}`);
    expect(rig.said.join('\n')).not.toMatch(/LOG_CUT_BACK|CHAIN_BROKEN/);
    const room = await restored.call('GET', '/api/rooms/r102', { cookie: await restored.login('hanna') });
    expect(room.body.status ?? room.body.room?.status).toBe('do_not_use');
    const texts = central.filter((e) => e.entity.startsWith('ticket:')).map((e) => e.state);
    expect(texts.some((t) => t.includes('After the restore 0'))).toBe(true);
    expect(texts.some((t) => t.includes('After the backup'))).toBe(false);
  });
});
