import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * Starts and expires announcements when their time comes. The times are rows (`starts_at`,
 * `expires_at`), read by a tick once a second, so a gateway that was down starts and ends
 * what fell due meanwhile at its next tick, and nothing is held in a timer that a restart loses.
 */
export function startAnnouncementClock(store: SiteStore, commands: CommandHandler, clock: () => string, options: { everyMs?: number; onError?: (error: unknown) => void } = {}): () => void {
  let busy = false;
  const tick = async () => {
    if (busy || !store.isOpen) return;
    busy = true;
    try {
      const { start, end } = store.announcements.due(new Date(clock()).toISOString());
      const work = [
        ...start.map((id) => commands.handle(systemActor, { announcement: id }, { type: 'start-announcement' })),
        ...end.map((id) => commands.handle(systemActor, { announcement: id }, { type: 'expire-announcement' })),
      ];
      for (const outcome of await Promise.allSettled(work)) {
        if (outcome.status === 'rejected' && !(outcome.reason instanceof DomainError)) options.onError?.(outcome.reason);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.everyMs ?? 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
