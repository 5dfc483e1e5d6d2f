import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CommandHandler } from '../commands/handler.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** Tickets given their clocks in one commit, at most; the event loop turns between slices. */
const SLICE = 50;

/**
 * Once at start: every open ticket without clocks (opened before clocks were kept, untouched
 * since) gets a `start-sla-clocks` command through the one handler, which works its clocks out
 * from its history, so every open ticket has them in the lists, the escalation tick and the
 * feed. In slices, so a site with many such tickets still answers meanwhile. Returns how many got them.
 */
export async function startMissingClocks(store: SiteStore, commands: CommandHandler, say: (line: string) => void): Promise<number> {
  let started = 0;
  const refused = new Set<string>();
  for (;;) {
    const slice = store.serviceLevels.openWithoutClocks(SLICE + refused.size).filter((id) => !refused.has(id)).slice(0, SLICE);
    if (slice.length === 0 || !store.isOpen) break;
    const runs = await Promise.allSettled(slice.map((id) => commands.handle(systemActor, { ticket: id }, { type: 'start-sla-clocks' })));
    runs.forEach((run, i) => {
      if (run.status === 'fulfilled') {
        if (run.value.started) started++;
        else refused.add(slice[i]!);
        return;
      }
      refused.add(slice[i]!);
      say(`service levels: clocks of ${slice[i]} not started: ${(run.reason as Error).message}`);
    });
    await nextTurn();
  }
  if (started > 0) say(`service levels: clocks started from their history for ${started} open ticket(s) kept before clocks were`);
  return started;
}
