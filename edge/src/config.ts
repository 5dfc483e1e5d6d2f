import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SiteId } from './contracts/index.ts';
import { checkPaymentEnv, paymentCallEnv, paymentNoticeEnv, siteProviders } from './payments/payment-env.ts';
import type { PaymentOptions } from './payments/payment-options.ts';

const Port = z.coerce.number().int().min(0).max(65_535);
const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** An origin as a browser sends it: http(s), a host, maybe a port, nothing after. */
const Origin = z.url({ protocol: /^https?$/ }).refine((v) => new URL(v).origin === v.replace(/\/$/, '').toLowerCase(), 'an origin is scheme://host[:port], nothing after')
  .transform((v) => new URL(v).origin);
/** Where occupants' phones and the building's devices reach the gateway: http(s), maybe a path, no query. */
const PublicUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. https://doorside.example.org' })
  .refine((v) => { if (!URL.canParse(v)) return true; const u = new URL(v); return u.search === '' && u.hash === '' && u.username === '' && u.password === ''; }, 'must be an http:// or https:// URL with no query, fragment or password')
  .transform((v) => { const u = new URL(v); return `${u.origin}${u.pathname}`.replace(/\/+$/, ''); });
const Origins = z.string().transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o !== '')).pipe(z.array(Origin));

const Env = z.object({
  DOORSIDE_SITE: SiteId.default('demo'),
  DOORSIDE_HOST: z.string().min(1).default('127.0.0.1'),
  DOORSIDE_HTTP_PORT: Port.default(8080),
  DOORSIDE_MQTT_PORT: Port.default(1883),
  DOORSIDE_DATA_DIR: z.string().min(1).default('./data'),
  DOORSIDE_COOKIE_SECURE: Flag.default(false),
  DOORSIDE_LOG: Flag.default(true),
  DOORSIDE_OFFLINE_ALERT_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  DOORSIDE_GPIO_CONFIG: z.string().min(1).optional(),
  DOORSIDE_HOMEASSISTANT: Flag.default(false),
  DOORSIDE_MQTT_URL: z.string().regex(/^mqtts?:\/\/[^\s]+$/, 'an mqtt:// or mqtts:// URL').optional(),
  DOORSIDE_MQTT_USERNAME: z.string().min(1).default('doorside-gateway'),
  DOORSIDE_MQTT_PASSWORD: z.string().optional(),
  DOORSIDE_ALLOWED_ORIGINS: Origins.default([]),
  DOORSIDE_PUBLIC_URL: PublicUrl.optional(),
  DOORSIDE_SITE_NAME: z.string().trim().min(1).max(80).optional(),
  DOORSIDE_BACKUP: z.enum(['on', 'off']).default('on'),
  DOORSIDE_BACKUP_KEEP: z.coerce.number().int().min(1).max(366).default(7),
  DOORSIDE_SMTP_PORT: z.union([z.literal('off'), Port]).default(2525),
  DOORSIDE_MAIL_DOMAIN: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i, 'a mail domain such as example.org').optional(),
  DOORSIDE_SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'an smtp:// or smtps:// URL').optional(),
  DOORSIDE_IMAP_URL: z.string().regex(/^imaps?:\/\/[^\s/@]+@[^\s/]+(\/[^\s]*)?$/, 'an imap:// or imaps:// URL with user and host, e.g. imaps://user:pass@mail.example.org:993/INBOX')
    .refine((v) => URL.canParse(v), 'an imap:// or imaps:// URL with user and host, e.g. imaps://user:pass@mail.example.org:993/INBOX').optional(),
  DOORSIDE_PAYMENT_NOTIFY_URL: PublicUrl.optional(),
  DOORSIDE_PAYMENTS_SIMULATED: z.enum(['on', 'off']).default('on'),
  ...paymentNoticeEnv,
  ...paymentCallEnv,
}).superRefine(checkPaymentEnv).refine((e) => !e.DOORSIDE_MQTT_URL || e.DOORSIDE_MQTT_PASSWORD, {
  path: ['DOORSIDE_MQTT_PASSWORD'], message: 'the gateway needs its password for the broker at DOORSIDE_MQTT_URL',
});

export interface Config {
  site: string;
  host: string;
  httpPort: number;
  mqttPort: number;
  dataDir: string;
  cookieSecure: boolean;
  log: boolean;
  externalBroker?: { url: string; username: string; password: string };
  offlineAlertMinutes: number;
  homeAssistant: boolean;
  /** Absent when switched off (`DOORSIDE_GPIO_CONFIG=off`). */
  gpioConfig?: string;
  /** Origins besides the gateway's own whose pages may open the live feed. */
  allowedOrigins: string[];
  /** The address occupants' phones and devices reach (`DOORSIDE_PUBLIC_URL`); absent: the listening address. */
  publicUrl?: string;
  /** The site's name as printed for people (`DOORSIDE_SITE_NAME`); absent: the site id. */
  siteName?: string;
  /** The daily backup in `{dataDir}/backups`; absent when switched off (`DOORSIDE_BACKUP=off`). */
  backups?: { keep: number };
  /** Mail in (`DOORSIDE_SMTP_PORT`, `null` when `off`; `DOORSIDE_IMAP_URL`) and out (`DOORSIDE_SMTP_URL`, else `.eml` files). */
  mail: { smtpPort: number | null; domain?: string; smtpUrl?: string; imap?: { url: string } };
  payments: PaymentOptions;
}

/** The demo building's GPIO panel (room r101), on simulated pins where the machine has none. */
export const demoGpioConfig = fileURLToPath(new URL('../gpio.demo.json', import.meta.url));

/**
 * Reads the environment once, at start. Every problem is listed, not just the first.
 * A relative data dir is taken from where `npm start` was typed, not the workspace.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config | { problems: string[] } {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const e = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  return {
    site: e.DOORSIDE_SITE,
    host: e.DOORSIDE_HOST,
    httpPort: e.DOORSIDE_HTTP_PORT,
    mqttPort: e.DOORSIDE_MQTT_PORT,
    dataDir: isAbsolute(e.DOORSIDE_DATA_DIR) ? e.DOORSIDE_DATA_DIR : resolve(base, e.DOORSIDE_DATA_DIR),
    cookieSecure: e.DOORSIDE_COOKIE_SECURE,
    log: e.DOORSIDE_LOG,
    offlineAlertMinutes: e.DOORSIDE_OFFLINE_ALERT_MINUTES,
    homeAssistant: e.DOORSIDE_HOMEASSISTANT,
    allowedOrigins: e.DOORSIDE_ALLOWED_ORIGINS,
    mail: {
      smtpPort: e.DOORSIDE_SMTP_PORT === 'off' ? null : e.DOORSIDE_SMTP_PORT,
      ...(e.DOORSIDE_MAIL_DOMAIN ? { domain: e.DOORSIDE_MAIL_DOMAIN.toLowerCase() } : {}),
      ...(e.DOORSIDE_SMTP_URL ? { smtpUrl: e.DOORSIDE_SMTP_URL } : {}),
      ...(e.DOORSIDE_IMAP_URL ? { imap: { url: e.DOORSIDE_IMAP_URL } } : {}),
    },
    payments: {
      simulated: e.DOORSIDE_PAYMENTS_SIMULATED === 'on',
      ...(e.DOORSIDE_PAYMENT_NOTIFY_URL ? { notifyUrl: e.DOORSIDE_PAYMENT_NOTIFY_URL } : {}),
      ...siteProviders(e, base),
    },
    ...(e.DOORSIDE_PUBLIC_URL ? { publicUrl: e.DOORSIDE_PUBLIC_URL } : {}),
    ...(e.DOORSIDE_SITE_NAME ? { siteName: e.DOORSIDE_SITE_NAME } : {}),
    ...(e.DOORSIDE_BACKUP === 'on' ? { backups: { keep: e.DOORSIDE_BACKUP_KEEP } } : {}),
    ...(e.DOORSIDE_GPIO_CONFIG === 'off' ? {} : { gpioConfig: e.DOORSIDE_GPIO_CONFIG ? resolve(base, e.DOORSIDE_GPIO_CONFIG) : demoGpioConfig }),
    ...(e.DOORSIDE_MQTT_URL
      ? { externalBroker: { url: e.DOORSIDE_MQTT_URL, username: e.DOORSIDE_MQTT_USERNAME, password: e.DOORSIDE_MQTT_PASSWORD! } }
      : {}),
  };
}
