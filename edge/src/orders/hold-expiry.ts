import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * Gives up unpaid bookings' places when their hold ends. The due times are rows (`hold_until`),
 * and each tick asks the store what is due and issues `expire-order-hold` for it, so a restart
 * misses nothing and nothing expires twice (a second try is refused by the order's status).
 */
export function startHoldExpiry(store: SiteStore, commands: CommandHandler, clock: () => string, everyMs: number, warn: (error: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running || !store.isOpen) return;
    running = true;
    try {
      for (const id of store.orders.dueHolds(clock())) {
        await commands.handle(systemActor, { order: id }, { type: 'expire-order-hold' }).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
        });
      }
    } catch (error) {
      warn(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
