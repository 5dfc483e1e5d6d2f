import { setImmediate as nextTurn } from 'node:timers/promises';
import { schedule as cron, type ScheduledTask } from 'node-cron';
import type { CommandHandler } from '../commands/handler.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** Schedules looked at in one tick, soonest due first; the rest wait for the next minute. */
const PER_TICK = 2000;
/** Schedules run in one transaction, at most; the event loop turns between slices. */
export const SLICE = 50;

export interface TickReport { schedules: number; made: string[]; dropped: number; failed: number; slices: number }

/**
 * Once a minute, and once at start: every schedule whose next occurrence is due gets a
 * `run-schedule` command through the one handler, which makes the tickets and moves the
 * schedule's cursor in the same transaction. Due times are rows, so a restart, a second
 * run or a week switched off makes nothing twice and catches up what was missed.
 * The schedules go in slices of at most SLICE commands, one commit each, and the generator
 * yields between slices, so the taps, signs and pages of the site get their turns meanwhile.
 */
export class ScheduleGenerator {
  #task: ScheduledTask | undefined;
  #busy: Promise<TickReport> | null = null;

  constructor(
    private readonly store: SiteStore,
    private readonly commands: CommandHandler,
    private readonly clock: () => string,
    private readonly say: (line: string) => void,
  ) {}

  start(): void {
    this.#task = cron('* * * * *', () => this.tick().then(() => undefined), { noOverlap: true });
    void this.tick().catch((error) => this.say(`schedules: ${(error as Error).message}`));
  }

  /** One pass over the due schedules; a tick asked for while one runs gets that one's answer. */
  tick(): Promise<TickReport> {
    this.#busy ??= this.#tick().finally(() => { this.#busy = null; });
    return this.#busy;
  }

  async #tick(): Promise<TickReport> {
    const report: TickReport = { schedules: 0, made: [], dropped: 0, failed: 0, slices: 0 };
    if (!this.store.isOpen) return report;
    const due = this.store.schedules.dueBy(Date.parse(this.clock()), PER_TICK);
    report.schedules = due.length;
    for (let i = 0; i < due.length; i += SLICE) {
      if (i > 0) await nextTurn();
      if (!this.store.isOpen) break;
      const slice = due.slice(i, i + SLICE);
      // Issued together, the slice's commands share one commit of the group-commit queue.
      const runs = await Promise.allSettled(slice.map((id) => this.commands.handle(systemActor, { schedule: id }, { type: 'run-schedule' })));
      report.slices++;
      runs.forEach((run, j) => this.#count(report, slice[j]!, run));
    }
    return report;
  }

  #count(report: TickReport, schedule: string, run: PromiseSettledResult<{ made: { ticket: string }[]; dropped: number }>): void {
    if (run.status === 'rejected') {
      report.failed++;
      this.say(`schedule ${schedule}: not run: ${(run.reason as Error).message}`);
      return;
    }
    report.made.push(...run.value.made.map((m) => m.ticket));
    if (run.value.dropped > 0) {
      report.dropped += run.value.dropped;
      this.say(`schedule ${schedule}: caught up after a stop; ${run.value.dropped} older occurrence(s) left out, the latest made`);
    }
  }

  async stop(): Promise<void> {
    await this.#task?.stop();
    await this.#busy?.catch(() => undefined);
  }
}
