import { newDeviceSecret, secretDigest } from '@doorside/firmware-config';
import { addIntegrationCredentials } from '../seed/demo-credentials.ts';
import { brokerHash } from '../seed/seed-demo.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * The MQTT account of an integration (Home Assistant): made at the first start that
 * needs it, kept as a digest, its secret handed over once through the demo
 * credentials file or the start-up output.
 */
export function integrationAccount(store: SiteStore, dataDir: string, name: string, username: string, say: (line: string) => void) {
  const key = `integration:${name}`;
  const row = store.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return { username, secretDigest: row.value };
  const password = newDeviceSecret();
  store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, secretDigest(password));
  // The same secret as a Mosquitto password-file line, for sites on an external broker.
  store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`${key}:broker`, `${username}:${brokerHash(username, password)}`);
  if (!addIntegrationCredentials(dataDir, { name, username, password })) {
    say(`${name}: MQTT user "${username}", password ${password} (shown once)`);
  }
  return { username, secretDigest: secretDigest(password) };
}
