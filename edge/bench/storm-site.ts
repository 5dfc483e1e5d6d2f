import { join } from 'node:path';
import { newDeviceSecret, secretDigest } from '@doorside/firmware-config';
import { topics } from '../src/contracts/index.ts';
import { brokerFiles, type BrokerFiles } from '../src/devices/broker-files.ts';
import { brokerHash } from '../src/store/site-store.ts';
import { openDatabase } from '../src/store/database.sqlite.ts';
import { SiteStore } from '../src/store/site-store.ts';
import { gatewayUser, seedDemoSite } from '../test/support/mosquitto.ts';
import { demoRoomIds } from './fixtures.ts';
import type { StormJob, StormSign } from './storm-signs.ts';

export interface StormSite {
  dir: string;
  signs: StormSign[];
  expected: StormJob['expected'];
  files: BrokerFiles;
  gateway: { username: string; password: string };
}

/**
 * Untimed setup: the demo site plus `count` extra signs, each registered the way provisioning
 * does it (its own secret's digest for the embedded broker, its `$7$` hash for Mosquitto),
 * bound round-robin to the 15 demo rooms; then the Mosquitto files for all of them.
 */
export async function stormSite(dir: string, count: number): Promise<StormSite> {
  await seedDemoSite(dir);
  const store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
  try {
    const at = new Date().toISOString();
    const signs: StormSign[] = Array.from({ length: count }, (_, i) => {
      const room = demoRoomIds[i % demoRoomIds.length]!;
      const id = `sign-storm-${String(i + 1).padStart(4, '0')}`;
      return { id, room, password: newDeviceSecret(), topic: topics.roomStatus('demo', room) };
    });
    store.transact('system', at, (tx) => {
      for (const s of signs) {
        const device = { id: s.id, room: s.room, kind: 'sign' as const, revoked: false };
        store.directory.putDevice(device, secretDigest(s.password), brokerHash(s.id, s.password));
        tx.record('device-registered', `device:${s.id}`, device);
      }
    });
    const expected = Object.fromEntries(store.rooms.all().map((r) => [r.id, { status: r.status, since: r.since, ticket: r.ticket }]));
    const gateway = gatewayUser();
    return { dir, signs, expected, files: brokerFiles(store, gateway), gateway };
  } finally {
    store.close();
  }
}
