import type { BridgeEventsPage, ChainPoint } from '@doorside/edge/contracts';
import type { AgentConfig } from './config.ts';
import { Backoff } from './backoff.ts';
import { fitted } from './batch-budget.ts';
import { describe } from './command-label.ts';
import { CentralClient } from './central-client.ts';
import { GatewayClient } from './gateway-client.ts';
import { LinkDown, Refused } from './http-json.ts';
import { StatusBoard } from './sync-status.ts';

export interface AgentDeps {
  now?: () => Date;
  random?: () => number;
  say?: (line: string) => void;
}

/** Pages per round: a long catch-up still lets commands through and reports progress between pages. */
const PAGES_PER_ROUND = 5;
/** Well under the central server's body limit, whatever the events hold. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** How often both sides hear from the agent when its configuration does not say. */
const REPORT_EVERY_MS = 5_000;

/** Whether the gateway's log no longer holds the central cursor's event. */
function diverged(cursor: ChainPoint, page: BridgeEventsPage): boolean {
  const first = page.events[0];
  return first ? first.prevHash !== cursor.hash : !(page.head.seq === cursor.seq && page.head.hash === cursor.hash);
}

/**
 * Ships a site's log to the central server and brings head office's commands back. Each
 * round starts from the central server's cursor, so the agent keeps nothing that a kill
 * could leave wrong: a batch sent twice is taken once, a command applied twice answers
 * its recorded outcome.
 */
export class SyncAgent {
  /** Aborts requests in flight: only when a stop is not done within its grace period. */
  readonly #abort = new AbortController();
  #stopping = false;
  readonly #gateway: GatewayClient;
  readonly #central: CentralClient;
  readonly #backoff: Backoff;
  readonly #board: StatusBoard;
  readonly #say: (line: string) => void;
  readonly #now: () => Date;
  #wake: (() => void) | null = null;
  #running: Promise<void> | null = null;
  #lastProblem: string | null = null;
  #heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly config: AgentConfig, deps: AgentDeps = {}) {
    this.#now = deps.now ?? (() => new Date());
    this.#say = deps.say ?? (() => {});
    this.#gateway = new GatewayClient(config.gatewayUrl, config.bridgeKey, config.timeoutMs, this.#abort.signal);
    this.#central = new CentralClient(config.centralUrl, config.site, config.siteKey, config.timeoutMs, this.#abort.signal);
    this.#backoff = new Backoff(config.backoffMinMs, config.backoffMaxMs, deps.random);
    this.#board = new StatusBoard(this.#now, config.reportMs ?? REPORT_EVERY_MS);
  }

  get status() {
    return this.#board.current;
  }

  /** Runs rounds until `stop`. */
  start(): Promise<void> {
    this.#running ??= this.#loop();
    return this.#running;
  }

  /**
   * Ends the loop after the request in flight, or drops that request once `graceMs` has
   * passed (the central cursor makes a dropped request harmless). Waiting is kinder to
   * the servers: a connection cut in the middle of a request keeps theirs open until it
   * times out.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.#stopping = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#wake?.();
    const timer = setTimeout(() => this.#abort.abort(), graceMs);
    await this.#running;
    clearTimeout(timer);
  }

  async #loop(): Promise<void> {
    const previous = await this.#gateway.lastReport().catch(() => null);
    if (previous) this.#board.resume(previous);
    // Reported on a clock of its own, so a round stuck on a slow side still says the agent is there.
    this.#heartbeat = setInterval(() => void this.#beat(), this.config.reportMs ?? REPORT_EVERY_MS);
    this.#heartbeat.unref();
    while (!this.#stopping) {
      const wait = await this.round();
      if (wait > 0 && !this.#stopping) await this.#sleep(wait);
    }
  }

  /** One attempt: commands, then events, then the report. Returns how long to wait before the next. */
  async round(): Promise<number> {
    this.#board.attempted();
    let wait: number;
    try {
      const cursor = await this.#central.cursor();
      this.#board.reached(cursor);
      await this.#relayCommands();
      wait = await this.#ship(cursor);
      await this.#copyFiles();
    } catch (error) {
      if (this.#stopping) return 0;
      wait = this.#failed(error);
    }
    await this.#report();
    return wait;
  }

  async #relayCommands(): Promise<void> {
    for (const command of await this.#central.pending()) {
      if (this.#stopping) return;
      const result = await this.#gateway.apply(command).catch((error: unknown) => {
        // The gateway cannot read this command at all (a type it does not know): that is its answer.
        if (error instanceof Refused && error.side === 'gateway' && error.status === 400) return { outcome: 'refused' as const, reason: `${error.code}: ${error.reason}`.slice(0, 1000) };
        throw error;
      });
      await this.#central.answer(command.id, result);
      this.#say(`command ${describe(command)}: ${result.outcome}${result.reason ? ` (${result.reason})` : ''}`);
    }
  }

  async #ship(start: ChainPoint): Promise<number> {
    let cursor = start;
    let resends = 0;
    let shipped = 0;
    for (let pages = 0; pages < PAGES_PER_ROUND && !this.#stopping; pages++) {
      let from = cursor.seq;
      let page = await this.#gateway.events(from, this.config.batchSize);
      // Restored from a backup, while the central copy went further on the line the backup cut
      // off: the new line is sent from the restore on, and the central copy sets the old one aside.
      if (page.restored && page.restored.seq <= cursor.seq && diverged(cursor, page)) {
        from = page.restored.seq - 1;
        page = await this.#gateway.events(from, this.config.batchSize);
        this.#note(`the site was restored from a backup at seq ${from}; sending its log from there (the central copy went on to seq ${cursor.seq})`);
      }
      this.#board.measured(cursor, page);
      const events = fitted(page.events, MAX_BATCH_BYTES);
      if (events.length === 0 && page.head.seq === cursor.seq && page.head.hash === cursor.hash) return this.#caughtUp(cursor, shipped);
      // With nothing to send, the batch only reports the head; one behind the cursor (a cut-back log) follows its own head.
      const after = events.length > 0 ? from : Math.min(cursor.seq, page.head.seq);
      const outcome = await this.#central.send({ after, events, head: page.head });
      if (outcome.kind === 'refused') {
        this.#board.failed(`${outcome.code}: ${outcome.message}`, true);
        this.#note(`the central server refuses the log: ${outcome.code}: ${outcome.message}; trying again in ${Math.round(this.config.refusedRetryMs / 1000)} s`);
        return this.config.refusedRetryMs;
      }
      if (outcome.kind === 'out-of-order') {
        if (++resends > 3) throw new LinkDown('central', 'the central cursor keeps moving under the agent');
        cursor = outcome.cursor;
        continue;
      }
      shipped += outcome.stored;
      cursor = outcome.cursor;
      this.#board.synced(cursor);
      this.#backoff.reset();
      // Nothing was left to send, yet the heads differ and the central copy took it: do not loop on it.
      if (events.length === 0) return this.#caughtUp(cursor, shipped);
    }
    if (shipped > 0) this.#say(`shipped ${shipped} events, central cursor at ${cursor.seq}`);
    return 0;
  }

  /**
   * Copies up the work orders' files the central server wants (it reads which from the log just
   * shipped), one at a time. A copy cut off midway is wanted again next round; a file the site no
   * longer has (404) is passed over until the log says otherwise.
   */
  async #copyFiles(): Promise<void> {
    let copied = 0;
    for (const id of await this.#central.wantedFiles()) {
      if (this.#stopping) return;
      const file = await this.#gateway.file(id).catch((error: unknown) => {
        if (error instanceof Refused && error.side === 'gateway' && error.status === 404) return null;
        throw error;
      });
      if (!file) continue;
      // A file the central server no longer wants (its order changed meanwhile) is its answer, not a failed round.
      const stored = await this.#central.putFile(file).catch((error: unknown) => {
        if (error instanceof Refused && error.side === 'central' && error.status < 500) return false;
        throw error;
      });
      if (stored) copied++;
    }
    if (copied > 0) this.#say(`copied ${copied} work-order file${copied === 1 ? '' : 's'} to the central server`);
  }

  #caughtUp(cursor: ChainPoint, shipped: number): number {
    this.#board.synced(cursor);
    this.#backoff.reset();
    if (shipped > 0 || this.#lastProblem) this.#say(`in sync at seq ${cursor.seq}${shipped > 0 ? ` (shipped ${shipped} events)` : ''}`);
    this.#lastProblem = null;
    return this.config.pollMs;
  }

  #failed(error: unknown): number {
    if (error instanceof LinkDown) {
      this.#board.failed(error.message, error.side === 'gateway' && this.#board.current.linkUp);
      const wait = this.#backoff.next();
      this.#note(`${error.message}; retrying in ${(wait / 1000).toFixed(1)} s`);
      return wait;
    }
    if (error instanceof Refused) {
      // A wrong key or an answer the other side will not change soon: retry slowly, never spin.
      this.#board.failed(error.message, error.side === 'central' || this.#board.current.linkUp);
      this.#note(`${error.message}; trying again in ${Math.round(this.config.refusedRetryMs / 1000)} s`);
      return this.config.refusedRetryMs;
    }
    this.#board.failed(`unexpected: ${(error as Error).message}`, false);
    this.#note(`unexpected error: ${(error as Error).stack ?? String(error)}`);
    return this.#backoff.next();
  }

  /** Tells the gateway how the round went; it may not stop the loop. */
  async #report(): Promise<void> {
    if (this.#stopping) return;
    await this.#gateway.report(this.#board.current).catch(() => undefined);
  }

  /** The agent is there: both sides hear it every interval, the central server while the link is up. */
  async #beat(): Promise<void> {
    if (this.#stopping) return;
    const status = this.#board.current;
    await Promise.all([
      this.#gateway.report(status).catch(() => undefined),
      status.linkUp ? this.#central.uploadStatus(status).catch(() => undefined) : undefined,
    ]);
  }

  /** Says a problem once, not on every retry. */
  #note(problem: string): void {
    const key = problem.replace(/retrying in [\d.]+ s|trying again in \d+ s/, '');
    if (key !== this.#lastProblem) this.#say(problem);
    this.#lastProblem = key;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() { clearTimeout(timer); resolve(); }
      this.#wake = () => { this.#wake = null; done(); };
    });
  }
}
