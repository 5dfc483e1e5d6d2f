import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Central } from './server.ts';

export const CREDENTIALS_FILE = 'central-credentials.json';

export interface CentralCredentials {
  url: string;
  /** The demo site and its key, for the demo's sync agent. */
  site: string;
  siteKey: string;
  sites: { site: string; name: string; siteKey: string }[];
  users: { username: string; password: string; role: 'head_office' | 'site_manager'; sites: string[] | null }[];
}

const password = () => randomBytes(12).toString('base64url');

/**
 * First start: a head-office admin, a site manager for `demo`, and the demo site. Their
 * secrets exist only in the file written here (mode 0600); the database keeps digests.
 * Later starts find users and leave everything as it is.
 */
export async function seedCentral(central: Central, dataDir: string): Promise<CentralCredentials | undefined> {
  if (await central.hasUsers()) return undefined;
  const { siteKey } = await central.addSite('demo', 'Demo Office');
  const users: CentralCredentials['users'] = [
    { username: 'admin', password: password(), role: 'head_office', sites: null },
    { username: 'demo-manager', password: password(), role: 'site_manager', sites: ['demo'] },
  ];
  for (const u of users) await central.addUser(u.username, u.password, u.role, u.sites ?? []);
  const credentials: CentralCredentials = { url: central.url, site: 'demo', siteKey, sites: [{ site: 'demo', name: 'Demo Office', siteKey }], users };
  const file = join(dataDir, CREDENTIALS_FILE);
  if (existsSync(file)) throw new Error(`${file} exists but the database has no users: move the file away or restore the database`);
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
