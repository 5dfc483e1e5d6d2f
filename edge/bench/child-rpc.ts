import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

type Reply = { seq: number; result?: unknown; error?: string } | { ready: true };

/** Request and answer over a child process's IPC channel: the load generator and the storm's signs. */
export class ChildRpc {
  #seq = 0;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess, private readonly label: string) {
    child.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const waiter = this.#waiting.get(reply.seq);
      this.#waiting.delete(reply.seq);
      if (reply.error !== undefined) waiter?.reject(new Error(`${label}: ${reply.error}`));
      else waiter?.resolve(reply.result);
    });
    child.on('exit', (code) => {
      for (const w of this.#waiting.values()) w.reject(new Error(`${label} exited with ${code}`));
      this.#waiting.clear();
    });
  }

  /** Waits for the child's `{ready: true}`. */
  static async attach(child: ChildProcess, label: string): Promise<ChildRpc> {
    const [first] = (await once(child, 'message')) as [Reply];
    if (!('ready' in first)) throw new Error(`${label} did not start`);
    return new ChildRpc(child, label);
  }

  ask(message: object): Promise<unknown> {
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      this.#waiting.set(seq, { resolve, reject });
      this.child.send({ seq, ...message });
    });
  }

  /** A message that expects no answer. */
  tell(message: object): void {
    this.child.send(message);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }
}
