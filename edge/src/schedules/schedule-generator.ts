import { schedule as cron, type ScheduledTask } from 'node-cron';
import type { CommandHandler } from '../commands/handler.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';

/** Schedules looked at in one tick, soonest due first; the rest wait for the next minute. */
const PER_TICK = 2000;

export interface TickReport { schedules: number; made: string[]; dropped: number; failed: number }

/**
 * Once a minute, and once at start: every schedule whose next occurrence is due gets a
 * `run-schedule` command through the one handler, which makes the tickets and moves the
 * schedule's cursor in the same transaction. Due times are rows, so a restart, a second
 * run or a week switched off makes nothing twice and catches up what was missed.
 */
export class ScheduleGenerator {
  #task: ScheduledTask | undefined;

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

  async tick(): Promise<TickReport> {
    const due = this.store.schedules.dueBy(Date.parse(this.clock()), PER_TICK);
    const runs = await Promise.allSettled(due.map((id) => this.commands.handle(systemActor, { schedule: id }, { type: 'run-schedule' })));
    const report: TickReport = { schedules: due.length, made: [], dropped: 0, failed: 0 };
    runs.forEach((run, i) => {
      if (run.status === 'rejected') {
        report.failed++;
        this.say(`schedule ${due[i]}: not run: ${(run.reason as Error).message}`);
        return;
      }
      report.made.push(...run.value.made.map((m) => m.ticket));
      if (run.value.dropped > 0) {
        report.dropped += run.value.dropped;
        this.say(`schedule ${due[i]}: caught up after a stop; ${run.value.dropped} older occurrence(s) left out, the latest made`);
      }
    });
    return report;
  }

  async stop(): Promise<void> {
    await this.#task?.stop();
  }
}
