import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoCredentials } from '../seed/demo-credentials.ts';

export interface GatewayProcess {
  http: string;
  dir: string;
  creds: DemoCredentials;
  out: { stdout: string; stderr: string };
  /** The log lines at level error (50) or above, and anything written to stderr (start-up warnings go to stdout and are not errors). */
  errors(): string[];
  stop(): Promise<void>;
}

const main = join(import.meta.dirname, '..', 'main.ts');

/**
 * The gateway as it is run (`main.ts` in its own process, logging on, free ports), so a test
 * can read what it logs. `stop` ends it and removes its data dir unless one was given.
 */
export async function startGatewayProcess(env: Record<string, string> = {}): Promise<GatewayProcess> {
  const dir = env.DOORSIDE_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'doorside-proc-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, DOORSIDE_HOST: '127.0.0.1', DOORSIDE_HTTP_PORT: '0', DOORSIDE_MQTT_PORT: '0', DOORSIDE_LOG: 'true',
      DOORSIDE_GPIO_CONFIG: 'off', DOORSIDE_SMTP_PORT: '0', ...env, DOORSIDE_DATA_DIR: dir,
    },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => { out.stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { out.stderr += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
    }
    if (env.DOORSIDE_DATA_DIR === undefined) rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!out.stdout.includes('Press Ctrl+C to stop.')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the gateway did not start: ${out.stderr}`);
    }
    await sleep(25);
  }
  const creds = JSON.parse(readFileSync(join(dir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
  const errors = () => [
    ...out.stdout.split('\n').filter((line) => /^\{.*"level":(5\d|60)/.test(line)),
    ...out.stderr.split('\n').filter((line) => line.trim() !== ''),
  ];
  return { http: creds.http, dir, creds, out, errors, stop };
}
