import { Gauge, type Registry } from 'prom-client';
import type { SyncStatusStore } from './sync-status.sqlite.ts';

/** The bridge's health for Prometheus, read from the last agent report and the log at scrape time. */
export function registerSyncGauges(registry: Registry, statuses: SyncStatusStore): void {
  // One read per scrape, shared by the four gauges: prom-client collects them one after
  // another within the same turn of the event loop, and the next scrape reads afresh.
  let cached: ReturnType<SyncStatusStore['view']> | null = null;
  const current = () => {
    if (!cached) {
      cached = statuses.view();
      setImmediate(() => { cached = null; });
    }
    return cached.status;
  };
  new Gauge({
    name: 'doorside_sync_lag_events', help: 'Events in the site log not yet at the central server', registers: [registry],
    collect() { this.set(current()?.lagEvents ?? 0); },
  });
  new Gauge({
    name: 'doorside_sync_lag_seconds', help: 'Age of the oldest event not yet at the central server, in seconds', registers: [registry],
    collect() { this.set(current()?.lagSeconds ?? 0); },
  });
  new Gauge({
    name: 'doorside_sync_last_success_timestamp_seconds', help: 'When the sync agent last got through to the central server (Unix time)', registers: [registry],
    collect() {
      const last = current()?.lastSyncAt;
      this.set(last ? Date.parse(last) / 1000 : 0);
    },
  });
  new Gauge({
    name: 'doorside_sync_link_up', help: '1 when the sync agent last reached the central server, 0 when not (or no agent has reported)', registers: [registry],
    collect() { this.set(current()?.linkUp ? 1 : 0); },
  });
}
