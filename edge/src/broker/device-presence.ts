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
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly store: SiteStore, flushMs = 2_000) {
    this.#timer = setInterval(() => this.flush(), flushMs);
    this.#timer.unref();
  }

  mark(device: string, online: boolean, at: string): void {
    this.#pending.set(device, { online, at });
    this.#live.set(device, { online, at });
  }

  current(device: string): { online: boolean; at: string } | undefined {
    return this.#live.get(device);
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
