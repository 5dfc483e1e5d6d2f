import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { startTestGateway, type TestGateway } from '../../../edge/src/test-support/test-gateway.ts';
import type { GatewayOptions } from '../../../edge/src/gateway.ts';
import type { AgentConfig } from '../../src/agent/config.ts';
import { SyncAgent } from '../../src/agent/sync-agent.ts';
import { type Central, type CentralOptions, startCentral } from '../../src/central/server.ts';
import { call, signIn } from './central-harness.ts';

/** Polls until `check` answers true. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(everyMs);
  }
}

export interface Rig {
  gw: TestGateway;
  central: Central | null;
  siteKey: string;
  agent: SyncAgent | null;
  /** What the in-process agent said, line by line. */
  said: string[];
  agentConfig(overrides?: Partial<AgentConfig>): AgentConfig;
  startAgent(overrides?: Partial<AgentConfig>): SyncAgent;
  stopAgent(): Promise<void>;
  stopCentral(): Promise<void>;
  /** The central server again, on the same port and storage. */
  restartCentral(): Promise<Central>;
  /** The gateway's head as stored in its database file. */
  gatewayHead(): { seq: number; hash: string };
  /** Resolves once the central cursor is the gateway's stored head. */
  inSync(timeoutMs?: number): Promise<void>;
  /** Every event the central server holds for the site, oldest first, read through its head-office API. */
  centralEvents(): Promise<{ seq: number; hash: string; prevHash: string; type: string; actor: string }[]>;
  /** The gateway's own rows, for comparison. */
  gatewayEvents(): { seq: number; hash: string }[];
  stop(): Promise<void>;
}

/**
 * A gateway (test gateway, with `gateway` options such as a clock), a central server (in
 * this process, SQLite unless `storage` says otherwise) with the site registered, and an
 * in-process sync agent when asked for.
 */
export async function startRig(storage: Partial<CentralOptions> = {}, gateway: Partial<GatewayOptions> = {}): Promise<Rig> {
  const gw = await startTestGateway(gateway);
  const centralDir = storage.dataDir || mkdtempSync(join(tmpdir(), 'doorside-central-'));
  const options: CentralOptions = { host: '127.0.0.1', port: 0, ...storage, dataDir: centralDir };
  let central: Central | null = await startCentral(options);
  options.port = Number(new URL(central.url).port);
  const { siteKey } = await central.addSite('demo', 'Demo building');
  const auditorPassword = 'audit-the-whole-chain-please';
  await central.addUser('auditor', auditorPassword, 'head_office');
  const gatewayDb = new Database(join(gw.dir, 'demo.sqlite'), { readonly: true });
  let cookie: string | null = null;

  const rig: Rig = {
    gw, siteKey, agent: null, said: [],
    get central() { return central; },
    set central(value) { central = value; },
    agentConfig: (overrides = {}) => ({
      gatewayUrl: gw.http, bridgeKey: gw.creds.bridge!.key, centralUrl: `http://127.0.0.1:${options.port}`, site: 'demo', siteKey,
      batchSize: 2000, pollMs: 100, backoffMinMs: 50, backoffMaxMs: 1000, refusedRetryMs: 1000, timeoutMs: 10_000, log: true, ...overrides,
    }),
    startAgent(overrides = {}) {
      const agent = new SyncAgent(rig.agentConfig(overrides), { say: (line) => rig.said.push(line) });
      rig.agent = agent;
      void agent.start();
      return agent;
    },
    async stopAgent() {
      await rig.agent?.stop();
      rig.agent = null;
    },
    async stopCentral() {
      await central?.close();
      central = null;
      cookie = null;
    },
    async restartCentral() {
      central = await startCentral(options);
      return central;
    },
    gatewayHead: () => gatewayDb.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string },
    async inSync(timeoutMs = 30_000) {
      await until('the central cursor is the gateway head', async () => {
        if (!central) return false;
        const cursor = await central.siteCursor('demo');
        const head = rig.gatewayHead();
        return cursor.seq === head.seq && cursor.hash === head.hash;
      }, timeoutMs);
    },
    async centralEvents() {
      if (!central) throw new Error('the central server is stopped');
      cookie ??= await signIn(central, 'auditor', auditorPassword);
      const all: Awaited<ReturnType<Rig['centralEvents']>> = [];
      for (;;) {
        const page = await call(central, 'GET', `/api/sites/demo/events?after=${all.at(-1)?.seq ?? 0}&limit=1000`, { cookie });
        if (page.status !== 200) throw new Error(`central events: ${page.status} ${JSON.stringify(page.body)}`);
        all.push(...page.body.events.map((e: { seq: number; hash: string; prevHash: string; type: string; actor: string }) =>
          ({ seq: e.seq, hash: e.hash, prevHash: e.prevHash, type: e.type, actor: e.actor })));
        if (page.body.events.length < 1000) return all;
      }
    },
    gatewayEvents: () => gatewayDb.prepare('SELECT seq, hash FROM events ORDER BY seq').all() as { seq: number; hash: string }[],
    async stop() {
      await rig.stopAgent();
      await rig.stopCentral();
      gatewayDb.close();
      await gw.stop();
      if (!storage.dataDir) rmSync(centralDir, { recursive: true, force: true });
    },
  };
  return rig;
}
