import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { ChildRpc } from '../bench/child-rpc.ts';
import { gatewayBundle } from './gateway-bundle.ts';
import type { DemoCredentials } from '../src/seed/demo-credentials.ts';
import type { ReportLimits } from '../src/rooms/report-rate-limit.ts';

export interface GatewayInfo { http: string; mqtt: string; credentials: DemoCredentials; pid: number }
export interface Memory { rss: number; heapUsed: number; heapTotal: number; external: number; gc: boolean }

/** The parent's handle on a gateway process (gateway-process.ts). */
export class GatewayChild {
  private constructor(private readonly child: ChildProcess, private readonly rpc: ChildRpc, readonly info: GatewayInfo, readonly stderr: () => string) {}

  static async start(options: { dataDir: string; reportLimits?: ReportLimits | 'default'; httpPort?: number; mqttPort?: number }): Promise<GatewayChild> {
    const child = fork(await gatewayBundle(), [JSON.stringify(options)], {
      execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const exited = once(child, 'exit').then(([code]) => { throw new Error(`the gateway exited (${code}) before it was ready: ${stderr}`); });
    const rpc = await Promise.race([ChildRpc.attach(child, 'gateway'), exited]);
    const info = (await rpc.ask({ cmd: 'info' })) as GatewayInfo;
    return new GatewayChild(child, rpc, info, () => stderr);
  }

  get pid(): number { return this.child.pid!; }
  get alive(): boolean { return this.child.exitCode === null && this.child.signalCode === null; }

  memory(): Promise<Memory> { return this.rpc.ask({ cmd: 'memory' }) as Promise<Memory>; }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<NodeJS.Signals | null> {
    if (!this.alive) return this.child.signalCode;
    const exited = once(this.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    this.child.kill(signal);
    return (await exited)[1];
  }

  /** A clean stop: the gateway closes its parts, then the process leaves. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    await this.rpc.ask({ cmd: 'close' }).catch(() => {});
    await this.rpc.stop();
  }
}
