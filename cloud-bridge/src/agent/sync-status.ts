import type { BridgeEventsPage, ChainPoint, SyncStatus } from '@doorside/edge/contracts';

/**
 * What the agent knows about the link, for the gateway's dashboard and /metrics. It is
 * only ever shown: the sync itself starts from the central server's cursor every round,
 * so nothing here can make an event go missing or go twice.
 */
export class StatusBoard {
  #status: SyncStatus = {
    lastSyncAt: null, lastAttemptAt: null, centralCursor: 0, gatewayHead: 0, lagEvents: 0, lagSeconds: 0, linkUp: false, lastError: null,
  };

  constructor(private readonly now: () => Date, reportEveryMs?: number) {
    if (reportEveryMs !== undefined) this.#status.reportEveryMs = reportEveryMs;
  }

  get current(): SyncStatus {
    return { ...this.#status };
  }

  /** Where a restarted agent was, as the gateway last heard it, until the central server answers. */
  resume(previous: SyncStatus): void {
    const every = this.#status.reportEveryMs;
    this.#status = { ...previous, linkUp: false };
    if (every === undefined) delete this.#status.reportEveryMs;
    else this.#status.reportEveryMs = every;
  }

  attempted(): void {
    this.#status.lastAttemptAt = this.now().toISOString();
  }

  /** The central server answered: the link is up and its cursor is known. */
  reached(cursor: ChainPoint): void {
    this.#status.linkUp = true;
    this.#status.centralCursor = cursor.seq;
  }

  /** A page read from the gateway: how far behind the central copy is, in events and in age. */
  measured(cursor: ChainPoint, page: BridgeEventsPage): void {
    this.#status.gatewayHead = page.head.seq;
    this.#status.lagEvents = Math.max(0, page.head.seq - cursor.seq);
    const oldest = page.events[0];
    const age = oldest && this.#status.lagEvents > 0 ? (this.now().getTime() - Date.parse(oldest.at)) / 1000 : 0;
    this.#status.lagSeconds = Number.isFinite(age) ? Math.max(0, age) : 0;
    if (page.devices) this.#status.devices = page.devices;
  }

  /** The central copy took a batch, or confirmed there was nothing to take. */
  synced(cursor: ChainPoint): void {
    this.reached(cursor);
    this.#status.lastSyncAt = this.now().toISOString();
    this.#status.lastError = null;
  }

  failed(error: string, linkUp: boolean): void {
    this.#status.linkUp = linkUp;
    this.#status.lastError = error.slice(0, 500);
  }
}
