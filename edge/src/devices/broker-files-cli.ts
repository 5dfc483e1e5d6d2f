import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { SiteId } from '../contracts/index.ts';
import { ReadOnlySite } from '../store/read-only-site.sqlite.ts';
import { brokerFiles, mosquittoConf } from './broker-files.ts';

/**
 * `npm run broker-files -w edge -- <out dir>`: Mosquitto files for a site on an external broker,
 * read from the site database without writing to it (the gateway may be running).
 * Env: DOORSIDE_DATA_DIR (./data), DOORSIDE_SITE (demo), DOORSIDE_MQTT_USERNAME (doorside-gateway),
 * DOORSIDE_MQTT_PASSWORD (a new random one unless set), MOSQUITTO_PORT (1883).
 */
const env = process.env;
const base = env.INIT_CWD ?? process.cwd();
const fromBase = (path: string) => (isAbsolute(path) ? path : resolve(base, path));

function fail(message: string): never {
  console.error(`broker-files: ${message}`);
  process.exit(2);
}

const target = process.argv[2];
if (!target || process.argv.length > 3) fail('usage: npm run broker-files -w edge -- <out dir>');
const site = SiteId.safeParse(env.DOORSIDE_SITE ?? 'demo');
if (!site.success) fail(`DOORSIDE_SITE: ${site.error.issues[0]?.message}`);
const port = Number(env.MOSQUITTO_PORT ?? 1883);
if (!Number.isInteger(port) || port < 1 || port > 65_535) fail('MOSQUITTO_PORT must be a port number');
const dbFile = join(fromBase(env.DOORSIDE_DATA_DIR ?? './data'), `${site.data}.sqlite`);
if (!existsSync(dbFile)) fail(`no site database at ${dbFile} (set DOORSIDE_DATA_DIR and DOORSIDE_SITE, or start the gateway once to seed it)`);

const gateway = { username: env.DOORSIDE_MQTT_USERNAME || 'doorside-gateway', password: env.DOORSIDE_MQTT_PASSWORD || randomBytes(24).toString('base64url') };
const files = (() => {
  // Directory only reads; SiteStore would write in its constructor, so it is not used here.
  const db = new ReadOnlySite(dbFile);
  try {
    return brokerFiles({ site: site.data, directory: db.directory() }, gateway);
  } catch (error) {
    return fail(`cannot read the devices from ${dbFile}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
})();

const out = fromBase(target);
mkdirSync(out, { recursive: true });
const write = (name: string, text: string, mode: number) => {
  const file = join(out, name);
  writeFileSync(file, text, { mode });
  chmodSync(file, mode);
  return file;
};
const passwordFile = write('password_file', files.passwordFile, 0o600);
const aclFile = write('acl_file', files.aclFile, 0o644);
// Quoted only where a shell sourcing the file would need it (a password given with spaces, say).
const shellValue = (v: string) => (/^[\w./:@+-]*$/.test(v) ? v : `'${v.replaceAll("'", "'\\''")}'`);
const gatewayEnv = write('gateway.env', Object.entries({
  DOORSIDE_SITE: site.data,
  DOORSIDE_MQTT_URL: `mqtt://127.0.0.1:${port}`,
  DOORSIDE_MQTT_USERNAME: gateway.username,
  DOORSIDE_MQTT_PASSWORD: gateway.password,
}).map(([k, v]) => `${k}=${shellValue(v)}\n`).join(''), 0o600);
// Started as root, mosquitto switches user; switch to the one owning these 0600 files, not to `mosquitto`.
const conf = write('mosquitto.conf', mosquittoConf({ port, passwordFile, aclFile, persistenceDir: out, user: userInfo().username }), 0o644);

const devices = files.passwordFile.split('\n').length - 2;
console.log(`Mosquitto files for site "${site.data}" from ${dbFile}:
  ${passwordFile}   ${devices} devices + the gateway user "${gateway.username}" (0600)
  ${aclFile}        each device: its room status and commands (read), its events and presence (write)
  ${gatewayEnv}     the gateway's broker credentials (0600)${env.DOORSIDE_MQTT_PASSWORD ? '' : ', a new random password'}
  ${conf}   listener ${port}, no anonymous clients, persistence in ${out}`);
if (files.missing.length > 0) {
  console.log(`  left out, no broker hash stored (re-register them to get one): ${files.missing.join(', ')}`);
}
console.log(`Start the broker, then the gateway against it:
  mosquitto -c ${conf}
  (set -a; . ${gatewayEnv}; set +a; DOORSIDE_DATA_DIR=${dirname(dbFile)} npm start)`);
