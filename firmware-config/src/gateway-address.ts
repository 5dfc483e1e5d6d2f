import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const defaultGatewayUrl = 'http://127.0.0.1:8080';

/** What the tools read from a site's `demo-credentials.json`: the gateway's address and the users. */
export interface SiteCredentials {
  file: string;
  http?: string;
  users: { username: string; password: string; role: string }[];
}

/** The demo site's credentials file in `DOORSIDE_DATA_DIR` (default `./data`), if there is one. */
export function readSiteCredentials(base: string, env: NodeJS.ProcessEnv): SiteCredentials | undefined {
  const file = join(resolve(base, env.DOORSIDE_DATA_DIR ?? './data'), 'demo-credentials.json');
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { http?: unknown; users?: SiteCredentials['users'] };
  return { file, http: typeof parsed.http === 'string' ? parsed.http : undefined, users: parsed.users ?? [] };
}

/** `--url`, then `DOORSIDE_URL`, then the address the gateway wrote in its credentials file, then the default. */
export function gatewayUrl(flag: string | undefined, env: NodeJS.ProcessEnv, credentials: SiteCredentials | undefined): string {
  return (flag || env.DOORSIDE_URL || credentials?.http || defaultGatewayUrl).replace(/\/+$/, '');
}

const reasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** One line for a request that never got an answer, naming the address that was tried. */
export function unreachable(url: string, error: unknown): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = (cause?.code && reasons[cause.code]) ?? cause?.code ?? cause?.message ?? (error as Error).message;
  return new Error(`cannot reach the gateway at ${url} (${reason}); set --url or DOORSIDE_URL`);
}
