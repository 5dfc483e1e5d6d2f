/**
 * How much one device may ask of the gateway. Each bound is per device; what goes over it
 * is dropped and counted (`doorside_mqtt_dropped_total{reason}`), never queued, so one
 * device's flood costs the others nothing.
 */
export const DEVICE_LIMITS = {
  /** Tickets a device may open (a panel's "request service"), per window. */
  tickets: { max: 5, windowMs: 10 * 60_000 },
  /** Events a device may publish per window; the rest are dropped before they are read. */
  events: { max: 30, windowMs: 1_000 },
  /** Distinct sensors whose latest reading is kept per device. */
  sensors: 16,
  /** QoS 2 messages a client may leave waiting for their PUBREL; one more closes the connection. */
  inflightQos2: 16,
} as const;

/**
 * QoS 1 and 2 messages the broker keeps for a persistent client (clean=false) while it is
 * away; what comes after is dropped and counted (`offline-queue-full`). A sign that comes back
 * gets its retained room status anyway; this only bounds commands and notifications.
 */
export const OFFLINE_QUEUE_MAX = 100;
