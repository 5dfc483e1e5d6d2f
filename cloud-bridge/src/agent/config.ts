import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { SiteId } from '@doorside/edge/contracts';

export interface AgentConfig {
  gatewayUrl: string;
  bridgeKey: string;
  centralUrl: string;
  site: string;
  siteKey: string;
  /** Events per batch sent to the central server. */
  batchSize: number;
  /** How long to wait for new events once caught up. */
  pollMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  /** How long to wait after the central server refused the log (a broken chain, a wrong key): slow, never a spin. */
  refusedRetryMs: number;
  /** Per request, to either side. */
  timeoutMs: number;
  /**
   * How often the agent tells the gateway and the central server it is there, whatever a
   * round is doing; three missed and both take the agent, and the link, for gone. Absent: 5 s.
   */
  reportMs?: number;
  log: boolean;
}

const HttpUrl = z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'an http:// or https:// URL').transform((u) => u.replace(/\/+$/, ''));
const Key = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, 'a key is 20 to 200 letters, digits, - or _');
const Ms = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Env = z.object({
  DOORSIDE_GATEWAY_URL: HttpUrl,
  DOORSIDE_BRIDGE_KEY: Key.optional(),
  DOORSIDE_GATEWAY_CREDENTIALS: z.string().min(1).optional(),
  DOORSIDE_CENTRAL_URL: HttpUrl,
  DOORSIDE_SITE: SiteId.default('demo'),
  DOORSIDE_SITE_KEY: Key.optional(),
  DOORSIDE_CENTRAL_CREDENTIALS: z.string().min(1).optional(),
  DOORSIDE_SYNC_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(2000),
  DOORSIDE_SYNC_POLL_MS: Ms(50, 600_000, 1000),
  DOORSIDE_SYNC_BACKOFF_MIN_MS: Ms(10, 600_000, 500),
  DOORSIDE_SYNC_BACKOFF_MAX_MS: Ms(10, 3_600_000, 60_000),
  DOORSIDE_SYNC_REFUSED_RETRY_MS: Ms(100, 3_600_000, 60_000),
  DOORSIDE_SYNC_TIMEOUT_MS: Ms(100, 600_000, 30_000),
  DOORSIDE_SYNC_REPORT_MS: Ms(50, 600_000, 5000),
  DOORSIDE_LOG: Flag.default(true),
});

/** The site's bridge key, from the gateway's demo-credentials.json. */
const GatewayCredentials = z.object({ bridge: z.object({ key: Key }) });
/** The site key, from the central server's central-credentials.json (its demo site, or one site of a list). */
const CentralCredentials = z.object({
  site: SiteId.optional(),
  siteKey: Key.optional(),
  sites: z.array(z.object({ site: SiteId, siteKey: Key })).optional(),
});

/**
 * Reads the agent's environment once. Every problem is listed, not only the first. A key
 * is given directly (DOORSIDE_BRIDGE_KEY, DOORSIDE_SITE_KEY) or read from the file the
 * gateway or the central server wrote it to (DOORSIDE_GATEWAY_CREDENTIALS, DOORSIDE_CENTRAL_CREDENTIALS).
 */
export function loadAgentConfig(env: NodeJS.ProcessEnv = process.env): AgentConfig | { problems: string[] } {
  const parsed = Env.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  const problems: string[] = [];
  const base = env.INIT_CWD ?? process.cwd();
  const fromFile = <T>(variable: string, file: string, schema: z.ZodType<T>): T | undefined => {
    const path = isAbsolute(file) ? file : resolve(base, file);
    try {
      const read = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (read.success) return read.data;
      problems.push(`${variable}: ${path} has no usable key (${read.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
    } catch (error) {
      problems.push(`${variable}: cannot read ${path} (${(error as Error).message})`);
    }
    return undefined;
  };

  let bridgeKey = e.DOORSIDE_BRIDGE_KEY;
  if (!bridgeKey && e.DOORSIDE_GATEWAY_CREDENTIALS) bridgeKey = fromFile('DOORSIDE_GATEWAY_CREDENTIALS', e.DOORSIDE_GATEWAY_CREDENTIALS, GatewayCredentials)?.bridge.key;
  else if (!bridgeKey) problems.push('DOORSIDE_BRIDGE_KEY: required (or DOORSIDE_GATEWAY_CREDENTIALS, the gateway\'s demo-credentials.json)');

  let siteKey = e.DOORSIDE_SITE_KEY;
  if (!siteKey && e.DOORSIDE_CENTRAL_CREDENTIALS) {
    const creds = fromFile('DOORSIDE_CENTRAL_CREDENTIALS', e.DOORSIDE_CENTRAL_CREDENTIALS, CentralCredentials);
    siteKey = creds?.sites?.find((s) => s.site === e.DOORSIDE_SITE)?.siteKey ?? (creds?.site === e.DOORSIDE_SITE ? creds.siteKey : undefined);
    if (creds && !siteKey) problems.push(`DOORSIDE_CENTRAL_CREDENTIALS: no key for site ${e.DOORSIDE_SITE} in ${e.DOORSIDE_CENTRAL_CREDENTIALS}`);
  } else if (!siteKey) {
    problems.push('DOORSIDE_SITE_KEY: required (or DOORSIDE_CENTRAL_CREDENTIALS, the central server\'s central-credentials.json)');
  }
  if (e.DOORSIDE_SYNC_BACKOFF_MIN_MS > e.DOORSIDE_SYNC_BACKOFF_MAX_MS) {
    problems.push('DOORSIDE_SYNC_BACKOFF_MAX_MS: must not be below DOORSIDE_SYNC_BACKOFF_MIN_MS');
  }
  if (problems.length > 0 || !bridgeKey || !siteKey) return { problems };
  return {
    gatewayUrl: e.DOORSIDE_GATEWAY_URL, bridgeKey, centralUrl: e.DOORSIDE_CENTRAL_URL, site: e.DOORSIDE_SITE, siteKey,
    batchSize: e.DOORSIDE_SYNC_BATCH_SIZE, pollMs: e.DOORSIDE_SYNC_POLL_MS,
    backoffMinMs: e.DOORSIDE_SYNC_BACKOFF_MIN_MS, backoffMaxMs: e.DOORSIDE_SYNC_BACKOFF_MAX_MS,
    refusedRetryMs: e.DOORSIDE_SYNC_REFUSED_RETRY_MS, timeoutMs: e.DOORSIDE_SYNC_TIMEOUT_MS, reportMs: e.DOORSIDE_SYNC_REPORT_MS, log: e.DOORSIDE_LOG,
  };
}
