import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DEVICE_LIMITS } from '../broker/device-limits.ts';
import { DomainError } from '../domain-error.ts';

export class TooManyDeviceTickets extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`this device opened ${DEVICE_LIMITS.tickets.max} tickets recently; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Per-device rates, counted in memory (a restart forgives them): the events a device may
 * publish and the tickets it may open. Keys are device ids, which only a signed-in device
 * can use, and each expires with its window, so the counters stay as few as the devices.
 */
export class DeviceRates {
  readonly #events = new RateLimiterMemory({ points: DEVICE_LIMITS.events.max, duration: DEVICE_LIMITS.events.windowMs / 1000 });
  readonly #tickets = new RateLimiterMemory({ points: DEVICE_LIMITS.tickets.max, duration: DEVICE_LIMITS.tickets.windowMs / 1000 });

  /** Whether the device may have one more event read now. */
  event(device: string): Promise<boolean> {
    return this.#events.consume(device).then(() => true, (refused: unknown) => {
      if (refused instanceof RateLimiterRes) return false;
      throw refused;
    });
  }

  /** Takes one of the device's tickets for this window, or throws TooManyDeviceTickets. */
  async ticket(device: string): Promise<void> {
    try {
      await this.#tickets.consume(device);
    } catch (refused) {
      if (refused instanceof RateLimiterRes) throw new TooManyDeviceTickets(Math.max(1, Math.ceil(refused.msBeforeNext / 1000)));
      throw refused;
    }
  }

  forget(device: string): void {
    void this.#events.delete(device);
    void this.#tickets.delete(device);
  }
}
