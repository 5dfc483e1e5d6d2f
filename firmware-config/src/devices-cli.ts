import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gatewayUrl, readSiteCredentials, type SiteCredentials } from './gateway-address.ts';
import { GatewayClient } from './gateway-client.ts';

const usage = `doorside-devices: provision a building's signs, panels and QR stands through its gateway

  doorside-devices list
  doorside-devices add <id> --kind sign|epaper|panel|qr_stand|gpio_panel --room <room> [--esphome <file>] [--kiosk <file>]
  doorside-devices bind <id> --room <room>
  doorside-devices rotate <id> [--esphome <file>] [--kiosk <file>]
  doorside-devices revoke <id>
  doorside-devices send <id> show <text> | identify | reload
  doorside-devices rotate-qr <room>
  doorside-devices qr-sheet <floor> [--out <file.pdf>]

Gateway: --url, else DOORSIDE_URL, else the address in DOORSIDE_DATA_DIR/demo-credentials.json,
else http://127.0.0.1:8080. Sign-in: --user/--password
(or DOORSIDE_USER/DOORSIDE_PASSWORD); without them the admin of the demo site in
DOORSIDE_DATA_DIR/demo-credentials.json (default ./data) is used.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, kind: { type: 'string' },
    room: { type: 'string' }, esphome: { type: 'string' }, kiosk: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' },
  },
});
const base = process.env.INIT_CWD ?? process.cwd();

function signIn(demo: SiteCredentials | undefined): { user: string; password: string } {
  const user = values.user ?? process.env.DOORSIDE_USER;
  const password = values.password ?? process.env.DOORSIDE_PASSWORD;
  if (user && password) return { user, password };
  if (!demo) throw new Error('no demo-credentials.json in DOORSIDE_DATA_DIR (default ./data); give --user and --password');
  const admin = demo.users.find((u) => u.role === 'admin');
  if (!admin) throw new Error(`no admin in ${demo.file}; give --user and --password`);
  return { user: admin.username, password: admin.password };
}

function saveConfigs(issued: { esphome: string | null; kiosk: unknown }) {
  if (values.esphome && issued.esphome) writeFileSync(resolve(base, values.esphome), issued.esphome, { mode: 0o600 });
  if (values.kiosk && issued.kiosk) writeFileSync(resolve(base, values.kiosk), `${JSON.stringify(issued.kiosk, null, 2)}\n`, { mode: 0o600 });
}

async function run(): Promise<void> {
  const [command, id, ...rest] = positionals;
  if (values.help || !command) return console.log(usage);
  const demo = readSiteCredentials(base, process.env);
  const gateway = new GatewayClient(gatewayUrl(values.url, process.env, demo));
  const { user, password } = signIn(demo);
  await gateway.login(user, password);
  const need = (value: string | undefined, what: string) => { if (!value) throw new Error(`${command} needs ${what}\n\n${usage}`); return value; };
  switch (command) {
    case 'list': {
      const { devices } = await gateway.call<{ devices: { id: string; kind: string; room: string; online: boolean; lastSeen: string | null; revoked: boolean }[] }>('GET', '/api/devices');
      for (const d of devices) console.log(`${d.id.padEnd(24)} ${d.kind.padEnd(10)} ${d.room.padEnd(8)} ${d.revoked ? 'revoked' : d.online ? 'online' : 'offline'}  ${d.lastSeen ?? 'never seen'}`);
      return;
    }
    case 'add':
    case 'rotate': {
      const issued = command === 'add'
        ? await gateway.call<{ esphome: string | null; kiosk: unknown }>('POST', '/api/devices', { id: need(id, 'a device id'), kind: need(values.kind, '--kind'), room: need(values.room, '--room') })
        : await gateway.call<{ esphome: string | null; kiosk: unknown }>('POST', `/api/devices/${need(id, 'a device id')}/rotate`);
      saveConfigs(issued);
      return console.log(JSON.stringify({ ...issued, esphome: issued.esphome ? '(see --esphome)' : null }, null, 2));
    }
    case 'bind':
      return console.log(JSON.stringify(await gateway.call('POST', `/api/devices/${need(id, 'a device id')}/bind`, { room: need(values.room, '--room') })));
    case 'revoke':
      return console.log(JSON.stringify(await gateway.call('POST', `/api/devices/${need(id, 'a device id')}/revoke`)));
    case 'send': {
      const [type, ...words] = rest;
      const body = type === 'show' ? { type, text: need(words.join(' '), 'the text to show') } : { type: need(type, 'show, identify or reload') };
      await gateway.call('POST', `/api/devices/${need(id, 'a device id')}/commands`, body);
      return console.log(`sent ${body.type} to ${id}`);
    }
    case 'rotate-qr':
      return console.log(JSON.stringify(await gateway.call('POST', `/api/rooms/${need(id, 'a room id')}/qr/rotate`)));
    case 'qr-sheet': {
      const pdf = await gateway.bytes(`/api/qr-sheets/${need(id, 'a floor number')}`);
      const out = resolve(base, values.out ?? `qr-floor-${id}.pdf`);
      writeFileSync(out, pdf);
      return console.log(`wrote ${out}`);
    }
    default:
      throw new Error(`unknown command ${command}\n\n${usage}`);
  }
}

run().catch((error: Error) => {
  console.error(`doorside-devices: ${error.message}`);
  process.exit(1);
});
