import { fork } from 'node:child_process';
import { ChildRpc } from './child-rpc.ts';
import type { CannonJob, CannonResult } from './cannon.ts';
import type { TapJob, TapResult } from './tap.ts';

/** The parent's handle on the load-generator child process (bench/loadgen.ts). */
export class LoadGen {
  private constructor(private readonly rpc: ChildRpc) {}

  /** Forks with the parent's exec arguments, so tsx's loader comes along. */
  static async start(): Promise<LoadGen> {
    const child = fork(new URL('./loadgen.ts', import.meta.url), [], { stdio: 'inherit' });
    return new LoadGen(await ChildRpc.attach(child, 'load generator'));
  }

  run(job: CannonJob): Promise<CannonResult>;
  run(job: TapJob): Promise<TapResult>;
  run(job: CannonJob | TapJob): Promise<unknown> {
    return this.rpc.ask({ job });
  }

  /** Ends the sending of a running tap job that carries this `stopId`; its answer follows once sent taps are in. */
  stopTap(stopId: string): void {
    this.rpc.tell({ stopTap: stopId });
  }

  stop(): Promise<void> {
    return this.rpc.stop();
  }
}
