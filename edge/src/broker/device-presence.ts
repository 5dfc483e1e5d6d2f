import type { SiteStore } from '../store/site-store.ts';

/**
 * Online/offline and last-seen per device. Kept in memory and written to SQLite in
 * one transaction every few seconds, so a storm of reconnecting signs costs one
 * fsync, not one each.
 */
export class DevicePresence {
  readonly #pending = new Map<string, { online: boolean; at: string }>();
  /** Every device seen since start, so a reader never waits for the next flush. */
  readonly #live = new Map<string, { online: boolean; at: string }>();
  /** What MQTT last said per device, and how many sign pages hold a live feed with its credentials. */
  readonly #mqtt = new Map<string, boolean>();
  readonly #feeds = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly store: SiteStore, flushMs = 2_000) {
    this.#timer = setInterval(() => this.flush(), flushMs);
    this.#timer.unref();
  }

  /** MQTT presence: a session connected (true) or the last one closed (false). */
  mark(device: string, online: boolean, at: string): void {
    this.#mqtt.set(device, online);
    this.#settle(device, at);
  }

  /** A sign opened as a browser page is online while its live feed is open. */
  feedOpened(device: string, at: string): void {
    this.#feeds.set(device, (this.#feeds.get(device) ?? 0) + 1);
    this.#settle(device, at);
  }

  feedClosed(device: string, at: string): void {
    const left = (this.#feeds.get(device) ?? 1) - 1;
    if (left > 0) this.#feeds.set(device, left);
    else this.#feeds.delete(device);
    this.#settle(device, at);
  }

  /** Online while an MQTT session or a live feed holds the device; offline once neither does. */
  #settle(device: string, at: string): void {
    const online = this.#mqtt.get(device) === true || this.#feeds.has(device);
    this.#pending.set(device, { online, at });
    this.#live.set(device, { online, at });
  }

  current(device: string): { online: boolean; at: string } | undefined {
    return this.#live.get(device);
  }

  /** The site's devices with what is known of them now, ahead of the next flush. */
  listed() {
    return this.store.directory.devices().map((d) => {
      const live = this.#live.get(d.id);
      return { ...d, online: live?.online ?? d.online, lastSeen: live?.at ?? d.lastSeen };
    });
  }

  flush(): void {
    if (this.#pending.size === 0 || !this.store.isOpen) return;
    const batch = [...this.#pending].map(([device, mark]) => ({ device, ...mark }));
    this.#pending.clear();
    this.store.directory.markPresences(batch);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
