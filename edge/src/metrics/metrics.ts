import { Counter, Gauge, Registry } from 'prom-client';
import { TicketStatus } from '../contracts/index.ts';
import type { SiteStore } from '../store/site-store.ts';

export const dropReasons = [
  'bad-credentials', 'client-id-not-own', 'session-taken-over', 'subscribe-denied', 'publish-denied', 'not-json', 'bad-payload',
  'packet-too-large', 'not-connect-first', 'connect-timeout', 'malformed-length',
  // A device over one of its bounds (broker/device-limits.ts).
  'event-rate-limited', 'ticket-rate-limited', 'too-many-sensors', 'bad-presence', 'inflight-exceeded',
  // A persistent client away with its queue full (broker/offline-queue.ts).
  'offline-queue-full',
] as const;

export interface Metrics {
  registry: Registry;
  mqttDropped: Counter<'reason'>;
  mqttClients: Gauge;
  /** `/ws` feeds refused because their device already held as many as it may. */
  liveRefused: Counter;
  /** PINs and passwords compared against their hash: what a guessing lock keeps small. */
  secretChecks: Counter<'kind'>;
  /** Counts the clients of this bus from now on. */
  countClientsOf(bus: { readonly connectedClients: number }): void;
}

/** One registry per gateway, so several gateways in one process (tests) never share counters. */
export function createMetrics(store: SiteStore): Metrics {
  let clientsOf: { readonly connectedClients: number } | undefined;
  const registry = new Registry();
  registry.setDefaultLabels({ site: store.site });
  const eventsWritten = new Counter({ name: 'doorside_events_written_total', help: 'Events appended to the site log by this process', registers: [registry] });
  store.onCommit(({ events }) => eventsWritten.inc(events.length));
  new Gauge({
    name: 'doorside_event_log_head', help: 'Sequence number of the newest event in the site log', registers: [registry],
    collect() { this.set(store.log.head.seq); },
  });
  new Gauge({
    name: 'doorside_tickets', help: 'Tickets by status', labelNames: ['status'], registers: [registry],
    collect() {
      const counts = store.tickets.countByStatus();
      for (const status of TicketStatus.options) this.set({ status }, counts[status] ?? 0);
    },
  });
  const mqttClients = new Gauge({
    name: 'doorside_mqtt_clients', help: 'MQTT clients connected to the embedded broker', registers: [registry],
    collect() { this.set(clientsOf?.connectedClients ?? 0); },
  });
  const mqttDropped = new Counter({
    name: 'doorside_mqtt_dropped_total', help: 'MQTT messages and connections refused or dropped, by reason',
    labelNames: ['reason'] as const, registers: [registry],
  });
  for (const reason of dropReasons) mqttDropped.inc({ reason }, 0);
  const secretChecks = new Counter({
    name: 'doorside_secret_checks_total', help: 'Door-panel PINs and passwords compared against their hash, by kind',
    labelNames: ['kind'] as const, registers: [registry],
  });
  for (const kind of ['pin', 'password']) secretChecks.inc({ kind }, 0);
  const liveRefused = new Counter({
    name: 'doorside_live_refused_total', help: 'Live feeds (/ws) refused because their device already had as many open as it may', registers: [registry],
  });
  return { registry, mqttDropped, mqttClients, liveRefused, secretChecks, countClientsOf: (bus) => { clientsOf = bus; } };
}
