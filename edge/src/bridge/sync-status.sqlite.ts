import { agentAlive, SyncStatus, type SyncStatusView } from '../contracts/index.ts';
import type { Db } from '../store/database.sqlite.ts';
import type { ShippedLog } from './shipped-log.sqlite.ts';

const META_KEY = 'bridge:status';
const AT_KEY = 'bridge:status-at';

/**
 * The last status the sync agent reported, kept across gateway restarts. What the agent
 * knew then (the central cursor, when it last got through) is combined with the log as it
 * is now, so lag keeps growing on the dashboard while the agent or the link is down.
 */
export class SyncStatusStore {
  readonly #get;
  readonly #put;

  constructor(db: Db, private readonly log: ShippedLog, private readonly clock: () => string) {
    this.#get = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.#put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  save(status: SyncStatus): void {
    this.#put.run(META_KEY, JSON.stringify(status));
    this.#put.run(AT_KEY, this.clock());
  }

  /** When the agent last reported, as the gateway's clock had it. */
  reportedAt(): string | null {
    return this.#get.get(AT_KEY)?.value ?? null;
  }

  /** As reported, or null before any agent has reported. */
  reported(): SyncStatus | null {
    const row = this.#get.get(META_KEY);
    if (!row) return null;
    const parsed = SyncStatus.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  }

  /**
   * The reported status with the gateway's head and the lag as they are now. An agent that
   * missed three of its reports is taken for gone, and the link with it: a killed agent
   * cannot say so itself.
   */
  view(): SyncStatusView {
    const status = this.reported();
    if (!status) return { configured: false, status: null, lastReportAt: null, agentAlive: false };
    const lastReportAt = this.reportedAt();
    const alive = agentAlive(status, lastReportAt, this.clock());
    const head = this.log.head().seq;
    const lagEvents = Math.max(0, head - status.centralCursor);
    const oldestUnsent = lagEvents > 0 ? this.log.writtenAt(status.centralCursor + 1) : null;
    const lagSeconds = oldestUnsent ? Math.max(0, (Date.parse(this.clock()) - Date.parse(oldestUnsent)) / 1000) : 0;
    return { configured: true, status: { ...status, linkUp: status.linkUp && alive, gatewayHead: head, lagEvents, lagSeconds }, lastReportAt, agentAlive: alive };
  }
}
