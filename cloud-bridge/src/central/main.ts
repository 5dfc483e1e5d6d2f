import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCentralConfig } from './config.ts';
import { CREDENTIALS_FILE, seedCentral } from './seed-central.ts';
import { startCentral } from './server.ts';
import { paymentKeys } from './payment-keys.ts';

const config = loadCentralConfig();
if ('problems' in config) {
  console.error(`The central server cannot start; fix its environment:\n${config.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(2);
}

mkdirSync(config.dataDir, { recursive: true });
let central;
try {
  central = await startCentral({
    dataDir: config.dataDir, host: config.host, port: config.port, logger: config.log, secureCookies: config.secureCookies,
    payments: paymentKeys(config.payments),
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`Port ${config.port} is in use: set DOORSIDE_CENTRAL_PORT to a free one.`);
  else console.error(`The central server could not start: ${(error as Error).message}`);
  process.exit(1);
}

const seeded = await seedCentral(central, config.dataDir);
const store = config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname}` : join(config.dataDir, 'central.sqlite');
console.log(`Doorside central server is running (${store}).
  Cross-site view  ${central.url}/central
  Sync API         ${central.url}/api/sites/{site}/events   (authorization: Bearer <site key>)
  Health           ${central.url}/health   Metrics: ${central.url}/metrics
  Credentials      ${join(config.dataDir, CREDENTIALS_FILE)}${seeded ? ' (written now: admin, demo-manager, the demo site key)' : ''}`);

const stop = async () => {
  await central.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
