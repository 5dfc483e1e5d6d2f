import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { checkPaymentEnv, noticeProviders, paymentNoticeEnv } from '@doorside/edge/payments';

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Env = z.object({
  DOORSIDE_CENTRAL_HOST: z.string().min(1).default('127.0.0.1'),
  DOORSIDE_CENTRAL_PORT: z.coerce.number().int().min(0).max(65_535).default(8090),
  DOORSIDE_DATA_DIR: z.string().min(1).default('./data'),
  DOORSIDE_CENTRAL_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL').optional(),
  DOORSIDE_COOKIE_SECURE: Flag.default(false),
  DOORSIDE_LOG: Flag.default(true),
  /** The simulated provider's public key (a site's `{data}/payments/simulated-provider.pub.pem`), to take its notices. */
  DOORSIDE_PAYMENTS_SIMULATED_KEY: z.string().min(1).optional(),
  ...paymentNoticeEnv,
}).superRefine(checkPaymentEnv);

export interface CentralConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  secureCookies: boolean;
  log: boolean;
  /** Key files of the payment providers whose notices it takes; read at start. */
  payments: { simulatedKeyFile?: string; wechat?: { apiV3Key: string; keysFolder: string; mchid?: string }; alipay?: { appId: string; publicKeyFile: string } };
}

/** Reads the central server's environment once, listing every problem. A relative data dir is taken from where npm was run. */
export function loadCentralConfig(env: NodeJS.ProcessEnv = process.env): CentralConfig | { problems: string[] } {
  const parsed = Env.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  return {
    host: e.DOORSIDE_CENTRAL_HOST,
    port: e.DOORSIDE_CENTRAL_PORT,
    dataDir: isAbsolute(e.DOORSIDE_DATA_DIR) ? e.DOORSIDE_DATA_DIR : resolve(base, e.DOORSIDE_DATA_DIR),
    ...(e.DOORSIDE_CENTRAL_DATABASE_URL ? { databaseUrl: e.DOORSIDE_CENTRAL_DATABASE_URL } : {}),
    secureCookies: e.DOORSIDE_COOKIE_SECURE,
    log: e.DOORSIDE_LOG,
    payments: {
      ...(e.DOORSIDE_PAYMENTS_SIMULATED_KEY ? { simulatedKeyFile: resolve(base, e.DOORSIDE_PAYMENTS_SIMULATED_KEY) } : {}),
      ...noticeProviders(e, base),
    },
  };
}
