import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { mosquittoConf } from '../../src/devices/broker-files.ts';
import { startGateway } from '../../src/gateway.ts';
import { credentialsFile, type DemoCredentials } from '../../src/seed/demo-credentials.ts';
import { acceptsConnections, freePort } from './ports.ts';

/**
 * A real Mosquitto for tests and the bench: its own temp dir, a free 127.0.0.1 port, the
 * password and ACL files it is given, and a stop that always ends the process.
 */

/** The mosquitto binary (Debian puts it in /usr/sbin, often not on a user's PATH), or null. */
export const mosquittoBinary: string | null = (() => {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].filter(Boolean);
  for (const dir of dirs) {
    try {
      accessSync(join(dir, 'mosquitto'), constants.X_OK);
      return join(dir, 'mosquitto');
    } catch { /* not here */ }
  }
  return null;
})();

/** For `describe.skipIf(!mosquittoBinary)(mosquittoTitle('...'))`: a skipped run says why, loudly. */
export const mosquittoTitle = (title: string) =>
  (mosquittoBinary ? title : `SKIPPED, NO MOSQUITTO BINARY (apt-get install -y mosquitto): ${title}`);

export interface RunningMosquitto {
  url: string;
  port: number;
  pid: number;
  /** What mosquitto wrote to stderr so far (errors, warnings, notices). */
  log(): string;
  /** Writes new files and has mosquitto reload them (SIGHUP), as an operator does after a revocation. */
  reload(files: { passwordFile: string; aclFile: string }): Promise<void>;
  stop(): Promise<void>;
}



async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/** Starts mosquitto with these files and resolves once it accepts TCP connections. */
export async function startMosquitto(files: { passwordFile: string; aclFile: string }, attempt = 1): Promise<RunningMosquitto> {
  if (!mosquittoBinary) throw new Error('no mosquitto binary: apt-get install -y mosquitto');
  const dir = mkdtempSync(join(tmpdir(), 'doorside-mosquitto-'));
  const passwordFile = join(dir, 'password_file');
  const aclFile = join(dir, 'acl_file');
  writeFileSync(passwordFile, files.passwordFile, { mode: 0o600 });
  writeFileSync(aclFile, files.aclFile, { mode: 0o600 });
  const port = await freePort();
  // Started as root, mosquitto would switch to the `mosquitto` user and could not read the 0600 files.
  writeFileSync(join(dir, 'mosquitto.conf'), mosquittoConf({ port, host: '127.0.0.1', passwordFile, aclFile, user: userInfo().username }));
  const child = spawn(mosquittoBinary, ['-c', join(dir, 'mosquitto.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => { log = (log + chunk.toString()).slice(-20_000); });
  const stop = async () => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await acceptsConnections(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      // Another process may have taken the free port between our probe and mosquitto's bind.
      if (/in use/i.test(log) && attempt < 3) return startMosquitto(files, attempt + 1);
      throw new Error(`mosquitto did not start on 127.0.0.1:${port}:\n${log}`);
    }
    await sleep(20);
  }
  const reload = async (next: { passwordFile: string; aclFile: string }) => {
    writeFileSync(passwordFile, next.passwordFile, { mode: 0o600 });
    writeFileSync(aclFile, next.aclFile, { mode: 0o600 });
    child.kill('SIGHUP');
    await sleep(300);
  };
  return { url: `mqtt://127.0.0.1:${port}`, port, pid: child.pid!, log: () => log, reload, stop };
}

/** The gateway's own broker account, as DOORSIDE_MQTT_USERNAME / DOORSIDE_MQTT_PASSWORD would give it. */
export const gatewayUser = () => ({ username: 'doorside-gateway', password: randomBytes(18).toString('base64url') });

/**
 * Seeds `dataDir` with the demo site the way a first start does (an embedded gateway,
 * started and closed again) and returns the device secrets it wrote.
 */
export async function seedDemoSite(dataDir: string): Promise<DemoCredentials> {
  const gateway = await startGateway({ site: 'demo', host: '127.0.0.1', httpPort: 0, mqttPort: 0, dataDir });
  await gateway.close();
  return JSON.parse(readFileSync(credentialsFile(dataDir), 'utf8')) as DemoCredentials;
}
