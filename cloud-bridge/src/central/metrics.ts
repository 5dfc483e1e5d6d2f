import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per central server, so several in one process (tests, the bench) keep their own counts. */
export class CentralMetrics {
  readonly registry = new Registry();
  readonly eventsIngested = new Counter({ name: 'doorside_central_events_ingested_total', help: 'Events stored, per site.', labelNames: ['site'], registers: [this.registry] });
  readonly batchesRefused = new Counter({ name: 'doorside_central_batches_refused_total', help: 'Event batches refused, by reason.', labelNames: ['reason'], registers: [this.registry] });
  readonly alerts = new Counter({ name: 'doorside_central_alerts_total', help: 'Alerts raised (chain broken, log cut back), per site and kind.', labelNames: ['site', 'kind'], registers: [this.registry] });
  readonly ingestSeconds = new Histogram({
    name: 'doorside_central_ingest_duration_seconds', help: 'Time to verify and store one batch.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry],
  });

  /** Each site's link as head office sees it, judged at scrape time from when its agent last reported. */
  watchLinks(links: () => Promise<{ site: string; up: boolean }[]>): void {
    new Gauge({
      name: 'doorside_sync_link_up', help: '1 while the site\'s sync agent reports and reaches the central server, 0 once it missed three reports',
      labelNames: ['site'], registers: [this.registry],
      async collect() {
        this.reset();
        for (const { site, up } of await links()) this.set({ site }, up ? 1 : 0);
      },
    });
  }
}
