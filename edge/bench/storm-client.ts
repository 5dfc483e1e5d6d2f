import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChildRpc } from './child-rpc.ts';
import type { StormJob, StormResult } from './storm-signs.ts';

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
  private constructor(private readonly rpc: ChildRpc) {}

  /**
   * Spawned through `sh -c 'ulimit -n …; exec node …'`, so the child may hold `files` sockets even when
   * this process's soft limit is lower (up to the hard limit); the IPC channel survives the exec.
   */
  static async start(files: number): Promise<StormClient> {
    const script = fileURLToPath(new URL('./storm-child.ts', import.meta.url));
    const child = spawn('/bin/sh', ['-c', `ulimit -n ${files} 2>/dev/null || ulimit -n hard; exec "$0" "$@"`, process.execPath, ...process.execArgv, script], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new StormClient(await ChildRpc.attach(child, 'storm client'));
  }

  storm(job: StormJob): Promise<StormResult> { return this.rpc.ask({ cmd: 'storm', job }) as Promise<StormResult>; }
  openConnections(): Promise<number> { return this.rpc.ask({ cmd: 'count' }) as Promise<number>; }
  closeAll(): Promise<number> { return this.rpc.ask({ cmd: 'close' }) as Promise<number>; }

  stop(): Promise<void> {
    return this.rpc.stop();
  }
}
