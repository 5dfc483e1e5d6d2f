import { existsSync } from 'node:fs';
import { loadConfig } from './config.ts';
import { PortInUse, startGateway } from './gateway.ts';
import { credentialsFile } from './seed/demo-credentials.ts';
import { FolderInUse } from './store/folder-lock.sqlite.ts';

const config = loadConfig();
if ('problems' in config) {
  console.error(`doorside: the configuration is not valid:\n  ${config.problems.join('\n  ')}`);
  process.exit(2);
}

try {
  const gateway = await startGateway({ ...config, demoInquiries: true, demoStock: true, demoServiceLevels: true, demoWorkOrders: true, demoOrders: true, say: (line) => console.log(line) });
  const file = credentialsFile(config.dataDir);
  const links = gateway.publicAddress;
  const vendorLink = gateway.credentials?.vendors?.flatMap((v) => v.workOrders.map((o) => `${o.url}   (${o.id} for ${v.name})`))[0];
  // A note, not a failure: on one machine the demo works as it is. Written with the rest, so it arrives in one piece.
  const loopbackWarning = links.isLoopback
    ? `\nwarning: the public address ${links.base} is a loopback address: phones and devices elsewhere cannot reach it; set DOORSIDE_PUBLIC_URL (e.g. http://192.168.1.20:${new URL(gateway.http).port})`
    : '';
  console.log(`Doorside gateway for site "${config.site}" is running.
  Public address  ${links.base}   (the pages below, QR codes, tracking links, mails, device configs and the credentials file use it)
  HTTP API      ${gateway.http}/api   (OpenAPI: ${gateway.http}/api/openapi.json)
  Health        ${gateway.http}/health   Metrics: ${gateway.http}/metrics
  Dashboard     ${links.base}/dashboard   (facility team; users and passwords in the credentials file)
  Staff queue   ${links.base}/staff
  Tenant portal ${links.base}/portal   (tenants sign in by a mailed link, e.g. lena.brandt@nordlys.example; the tenants are in the credentials file, and without DOORSIDE_SMTP_URL the mail is in ${gateway.mail.outbox ?? 'the outbox'})
  Report pages  ${links.base}/report/{room}?k=…   (each room's reportUrl, what its QR sticker opens; short: ${links.base}/r/{code})
  Door panels   ${links.base}/panel/{room}   (sign in with the room's PIN)
  Room signs    ${links.base}/sign/{room}?device=…&secret=…   (each sign's link is in the credentials file)
  Vendor link   ${vendorLink ?? `${links.base}/wo/{token}   (each work order's link goes to its vendor)`}
  Mail in       ${gateway.mail.smtp ? `smtp://${gateway.mail.smtp}` : 'off'}   (for ${gateway.mail.addresses.inbox}; DOORSIDE_SMTP_PORT)
  Mail pulled   ${gateway.mail.imap ?? 'off'}   (DOORSIDE_IMAP_URL)
  Mail out      ${gateway.mail.outbox ?? 'DOORSIDE_SMTP_URL'}
  MQTT broker   ${gateway.mqtt}${config.externalBroker ? ' (external)' : ''}   (room status: doorside/${config.site}/rooms/{room}/status)
  Data          ${config.dataDir}
  Backups       ${config.backups ? `${config.dataDir}/backups (one a day, the last ${config.backups.keep} kept)` : 'off'}
  Credentials   ${existsSync(file) ? file : 'none: the data dir was seeded before and its demo-credentials.json is gone'}
Press Ctrl+C to stop.${loopbackWarning}`);
  const stop = async () => {
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof PortInUse || error instanceof FolderInUse) {
    console.error(`doorside: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
