import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * Chases unanswered work orders. The due times are rows (`remind_at`); each tick asks the store
 * what is due and issues `remind-work-order` for it, so a restart misses nothing and sends
 * nothing twice (a second try is refused by the order's chase, which has moved on).
 */
export function startReminderClock(store: SiteStore, commands: CommandHandler, clock: () => string, everyMs: number, warn: (error: unknown) => void): { tick: () => Promise<void>; stop: () => void } {
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      for (const id of store.workOrders.dueReminders(clock())) {
        await commands.handle(systemActor, { workOrder: id }, { type: 'remind-work-order' }).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
        });
      }
    } catch (error) {
      warn(error);
    }
  };
  const tick = () => {
    if (!store.isOpen) return Promise.resolve();
    running ??= run().finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
