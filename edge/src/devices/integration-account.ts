import { newDeviceSecret, secretDigest } from '@doorside/firmware-config';
import { addIntegrationCredentials } from '../seed/demo-credentials.ts';
import { brokerHash } from '../store/site-store.ts';
import type { SiteStore } from '../store/site-store.ts';

/**
 * The MQTT account of an integration (Home Assistant): made at the first start that
 * needs it, kept as a digest, its secret handed over once through the demo
 * credentials file or the start-up output.
 */
export function integrationAccount(store: SiteStore, dataDir: string, name: string, username: string, say: (line: string) => void) {
  const key = `integration:${name}`;
  const stored = store.meta.get(key);
  if (stored) return { username, secretDigest: stored };
  const password = newDeviceSecret();
  // With the same secret as a Mosquitto password-file line, for sites on an external broker.
  store.meta.set({ [key]: secretDigest(password), [`${key}:broker`]: `${username}:${brokerHash(username, password)}` });
  if (!addIntegrationCredentials(dataDir, { name, username, password })) {
    say(`${name}: MQTT user "${username}", password ${password} (shown once)`);
  }
  return { username, secretDigest: secretDigest(password) };
}
