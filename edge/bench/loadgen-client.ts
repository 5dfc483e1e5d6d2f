import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { CannonJob, CannonResult } from './cannon.ts';
import type { TapJob, TapResult } from './tap.ts';

type Reply = { seq: number; result?: unknown; error?: string } | { ready: true };

/** The parent's handle on the load-generator child process (bench/loadgen.ts). */
export class LoadGen {
  #seq = 0;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const waiter = this.#waiting.get(reply.seq);
      this.#waiting.delete(reply.seq);
      if (reply.error !== undefined) waiter?.reject(new Error(`load generator: ${reply.error}`));
      else waiter?.resolve(reply.result);
    });
    child.on('exit', (code) => {
      for (const w of this.#waiting.values()) w.reject(new Error(`load generator exited with ${code}`));
      this.#waiting.clear();
    });
  }

  /** Forks with the parent's exec arguments, so tsx's loader comes along. */
  static async start(): Promise<LoadGen> {
    const child = fork(new URL('./loadgen.ts', import.meta.url), [], { stdio: 'inherit' });
    const [first] = (await once(child, 'message')) as [Reply];
    if (!('ready' in first)) throw new Error('load generator did not start');
    return new LoadGen(child);
  }

  run(job: CannonJob): Promise<CannonResult>;
  run(job: TapJob): Promise<TapResult>;
  run(job: CannonJob | TapJob): Promise<unknown> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#waiting.set(seq, { resolve, reject });
      this.child.send({ seq, job });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }
}
