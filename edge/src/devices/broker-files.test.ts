import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newDeviceSecret, secretDigest, verifyMosquittoPassword } from '@doorside/firmware-config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device } from '../contracts/index.ts';
import { brokerHash } from '../store/site-store.ts';
import { openDatabase } from '../store/database.sqlite.ts';
import { SiteStore } from '../store/site-store.ts';
import { aRoom } from '../test-support/domain-fixtures.ts';
import { brokerFiles } from './broker-files.ts';

let dir: string;
let store: SiteStore;
const secrets = new Map<string, string>();
const gateway = { username: 'doorside-gateway', password: 'gateway secret' };

function register(id: string, room: string, kind: Device['kind'], options: { revoked?: boolean; noHash?: boolean } = {}): void {
  const secret = newDeviceSecret();
  secrets.set(id, secret);
  store.directory.putDevice({ id, room, kind, revoked: options.revoked ?? false }, secretDigest(secret), options.noHash ? null : brokerHash(id, secret));
}

const fingerprint = () => createHash('sha256').update(readFileSync(join(dir, 'demo.sqlite'))).digest('hex');
const lineOf = (file: string, user: string) => file.split('\n').find((l) => l.startsWith(`${user}:`));
const blockOf = (acl: string, user: string) => acl.split('\n\n').find((b) => b.startsWith(`user ${user}\n`))?.trimEnd().split('\n');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'doorside-broker-files-'));
  store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
  store.rooms.insert(aRoom({ id: 'r101' }), 'qr-r101-0123456789abcdef');
  store.rooms.insert(aRoom({ id: 'r102' }), 'qr-r102-0123456789abcdef');
  register('sign-r101', 'r101', 'sign');
  register('epaper-r102', 'r102', 'epaper');
  register('panel-r102', 'r102', 'panel', { revoked: true });
  register('qr-r101', 'r101', 'qr_stand', { noHash: true });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Mosquitto files for an external broker', () => {
  it('signs in each live device with its own secret and the gateway with its password, and no one else', () => {
    const files = brokerFiles(store, gateway);

    const users = files.passwordFile.trimEnd().split('\n').map((l) => l.split(':')[0]);
    expect(users).toEqual(['epaper-r102', 'sign-r101', 'doorside-gateway']);
    expect(verifyMosquittoPassword(lineOf(files.passwordFile, 'sign-r101')!, secrets.get('sign-r101')!)).toBe(true);
    expect(verifyMosquittoPassword(lineOf(files.passwordFile, 'sign-r101')!, secrets.get('epaper-r102')!)).toBe(false);
    expect(verifyMosquittoPassword(lineOf(files.passwordFile, 'epaper-r102')!, secrets.get('epaper-r102')!)).toBe(true);
    expect(verifyMosquittoPassword(lineOf(files.passwordFile, 'doorside-gateway')!, 'gateway secret')).toBe(true);
    expect(files.missing).toEqual(['qr-r101']);
  });

  it('gives each device exactly its room status, announcement and commands to read and its events and presence to write', () => {
    const { aclFile } = brokerFiles(store, gateway);

    expect(blockOf(aclFile, 'sign-r101')).toEqual([
      'user sign-r101',
      'topic read doorside/demo/rooms/r101/status',
      'topic read doorside/demo/rooms/r101/announcement',
      'topic read doorside/demo/devices/sign-r101/commands',
      'topic write doorside/demo/devices/sign-r101/events',
      'topic write doorside/demo/devices/sign-r101/presence',
    ]);
    expect(blockOf(aclFile, 'epaper-r102')).toContain('topic read doorside/demo/rooms/r102/status');
    expect(blockOf(aclFile, 'doorside-gateway')).toEqual(['user doorside-gateway', 'topic readwrite doorside/demo/#', 'topic readwrite homeassistant/#']);
    expect(aclFile).not.toContain('panel-r102');
    expect(aclFile).not.toContain('user qr-r101');
    expect(aclFile).not.toMatch(/^topic (read|write|readwrite) (#|\+)/m);
  });

  it('refuses a gateway username that is also a device id', () => {
    const clash = () => brokerFiles(store, { username: 'sign-r101', password: 'x' });

    expect(clash).toThrow(/also a device id/);
  });

  it('writes ready-to-run files from the site database without changing it', async () => {
    store.close();
    const before = fingerprint();
    const out = join(dir, 'mosquitto');
    const cli = join(import.meta.dirname, 'broker-files-cli.ts');

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'mosquitto'], {
      env: { ...process.env, INIT_CWD: dir, DOORSIDE_DATA_DIR: dir, DOORSIDE_SITE: 'demo', DOORSIDE_MQTT_PASSWORD: "it's from the environment" },
    });

    expect(fingerprint()).toBe(before);
    store = new SiteStore(openDatabase(join(dir, 'demo.sqlite')), 'demo');
    const passwordFile = readFileSync(join(out, 'password_file'), 'utf8');
    expect(verifyMosquittoPassword(lineOf(passwordFile, 'doorside-gateway')!, "it's from the environment")).toBe(true);
    const sourced = await promisify(execFile)('sh', ['-c', `. '${join(out, 'gateway.env')}' && printf %s "$DOORSIDE_MQTT_PASSWORD"`]);
    expect(sourced.stdout).toBe("it's from the environment");
    expect(statSync(join(out, 'password_file')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'gateway.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'mosquitto.conf'), 'utf8')).toContain(`password_file ${join(out, 'password_file')}\n`);
    expect(readFileSync(join(out, 'acl_file'), 'utf8')).toBe(brokerFiles(store, gateway).aclFile);
    expect(stdout).toContain('mosquitto -c');
    expect(stdout).toContain('qr-r101');
  });
});
