import type { CommandHandler } from '../commands/handler.ts';
import { DomainError } from '../domain-error.ts';
import { systemActor } from '../rights/actor.ts';
import type { SiteStore } from '../store/site-store.ts';
import { dueBreaches } from './breach-watch.ts';
import { siteWorkingTime } from './site-working-time.ts';

/** Breaches escalated in one tick, at most, oldest first; the rest wait for the next. */
const PER_TICK = 1000;
const CHUNK = 50;

export interface EscalationTick { looked: number; escalated: number; refused: number; failed: number }

/**
 * Every half minute, and once at start: each clock that has run out and was not escalated gets
 * an `escalate-breach` command through the one handler, which records the escalation under the
 * ticket and the clock in the same transaction. The due times are rows, so a restart or a clock
 * jumping forward escalates what fell due meanwhile, each once. Outside working hours only urgent
 * tickets are looked at: the others wait, as rows, for the next working moment.
 */
export class EscalationClock {
  #timer: NodeJS.Timeout | undefined;
  #busy: Promise<EscalationTick> | null = null;

  constructor(
    private readonly store: SiteStore,
    private readonly commands: CommandHandler,
    private readonly clock: () => string,
    private readonly say: (line: string) => void,
  ) {}

  start(everyMs = 30_000): void {
    this.#timer = setInterval(() => void this.tick().catch((error) => this.say(`escalation: ${(error as Error).message}`)), everyMs);
    this.#timer.unref();
    void this.tick().catch((error) => this.say(`escalation: ${(error as Error).message}`));
  }

  /** One look at the clocks run out; a tick asked for while one runs gets that one's answer. */
  tick(): Promise<EscalationTick> {
    this.#busy ??= this.#tick().finally(() => { this.#busy = null; });
    return this.#busy;
  }

  async #tick(): Promise<EscalationTick> {
    if (!this.store.isOpen) return { looked: 0, escalated: 0, refused: 0, failed: 0 };
    const now = Date.parse(this.clock());
    const working = siteWorkingTime(this.store).isWorkingTime(now);
    const due = dueBreaches(this.store, now, !working, PER_TICK);
    const runs: PromiseSettledResult<unknown>[] = [];
    // A few dozen at a time, so the taps and signs of the site get their turns between the commits.
    for (let i = 0; i < due.length; i += CHUNK) {
      runs.push(...await Promise.allSettled(due.slice(i, i + CHUNK).map((w) => this.commands.handle(systemActor, { ticket: w.ticket }, { type: 'escalate-breach', breach: w.breach }))));
    }
    const report: EscalationTick = { looked: due.length, escalated: 0, refused: 0, failed: 0 };
    runs.forEach((run, i) => {
      if (run.status === 'fulfilled') report.escalated++;
      else if (run.reason instanceof DomainError) report.refused++;
      else {
        report.failed++;
        this.say(`escalation of ${due[i]!.ticket} (${due[i]!.breach}): ${(run.reason as Error).message}`);
      }
    });
    return report;
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
