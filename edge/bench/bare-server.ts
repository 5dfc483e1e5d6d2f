import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Aedes } from 'aedes';
import Fastify from 'fastify';

export const BARE_TOPIC = 'bare/sign';

export interface BareServer {
  http: string;
  mqtt: string;
  topic: string;
  rows(): number;
  close(): Promise<void>;
}

/**
 * The ceiling with no domain: a fastify route, one SQLite insert with the gateway's
 * durability (WAL + synchronous=FULL, so one fsync per commit) and an aedes publish
 * (QoS 1, retained, like the room status) to whoever subscribed over a real socket.
 */
export async function startBareServer(synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<BareServer> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-bench-bare-'));
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE writes (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO writes (at, id, body) VALUES (?, ?, ?)');

  const broker = await Aedes.createBroker();
  const mqttServer = net.createServer((socket) => broker.handle(socket));
  mqttServer.listen(0, '127.0.0.1');
  await once(mqttServer, 'listening');

  const app = Fastify({ logger: false });
  app.post<{ Params: { id: string }; Body: { text?: string } }>('/bare/:id', async (request) => {
    const id = request.params.id;
    const at = new Date().toISOString();
    const info = insert.run(at, id, JSON.stringify(request.body ?? {}));
    const payload = Buffer.from(JSON.stringify({ id, at, seq: Number(info.lastInsertRowid) }));
    broker.publish({ cmd: 'publish', topic: BARE_TOPIC, payload, qos: 1, retain: true, dup: false }, () => {});
    return { ok: true, id };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as net.AddressInfo;
  const mqttPort = (mqttServer.address() as net.AddressInfo).port;

  return {
    http: `http://127.0.0.1:${port}`,
    mqtt: `mqtt://127.0.0.1:${mqttPort}`,
    topic: BARE_TOPIC,
    rows: () => (db.prepare('SELECT count(*) AS n FROM writes').get() as { n: number }).n,
    async close() {
      await app.close();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => mqttServer.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Raw commit rate of the disk under the same pragmas: single-row autocommit inserts. */
export function rawCommitRate(commits: number): { perSecond: number; meanMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-bench-fsync-'));
  const db = new Database(join(dir, 'probe.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    const body = 'x'.repeat(400);
    const t0 = performance.now();
    for (let i = 0; i < commits; i++) insert.run(body);
    const elapsed = performance.now() - t0;
    return { perSecond: commits / (elapsed / 1000), meanMs: elapsed / commits };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
