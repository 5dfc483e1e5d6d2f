import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StormJob, StormResult } from './storm-signs.ts';

type Reply = { seq: number; result?: unknown; error?: string } | { ready: true };

/** This process's soft limit on open files (Linux), or Infinity where it cannot be read. */
export function openFileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.trim().split(/\s+/)[3];
    return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The parent's handle on the storm child (bench/storm-child.ts). */
export class StormClient {
  #seq = 0;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const waiter = this.#waiting.get(reply.seq);
      this.#waiting.delete(reply.seq);
      if (reply.error !== undefined) waiter?.reject(new Error(`storm client: ${reply.error}`));
      else waiter?.resolve(reply.result);
    });
    child.on('exit', (code) => {
      for (const w of this.#waiting.values()) w.reject(new Error(`storm client exited with ${code}`));
      this.#waiting.clear();
    });
  }

  /**
   * Spawned through `sh -c 'ulimit -n …; exec node …'`, so the child may hold `files` sockets even when
   * this process's soft limit is lower (up to the hard limit); the IPC channel survives the exec.
   */
  static async start(files: number): Promise<StormClient> {
    const script = fileURLToPath(new URL('./storm-child.ts', import.meta.url));
    const child = spawn('/bin/sh', ['-c', `ulimit -n ${files} 2>/dev/null || ulimit -n hard; exec "$0" "$@"`, process.execPath, ...process.execArgv, script], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [first] = (await once(child, 'message')) as [Reply];
    if (!('ready' in first)) throw new Error('storm client did not start');
    return new StormClient(child);
  }

  #ask(message: object): Promise<unknown> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#waiting.set(seq, { resolve, reject });
      this.child.send({ seq, ...message });
    });
  }

  storm(job: StormJob): Promise<StormResult> { return this.#ask({ cmd: 'storm', job }) as Promise<StormResult>; }
  openConnections(): Promise<number> { return this.#ask({ cmd: 'count' }) as Promise<number>; }
  closeAll(): Promise<number> { return this.#ask({ cmd: 'close' }) as Promise<number>; }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }
}
