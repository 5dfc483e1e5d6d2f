// The gateway's service worker: it shows the pushes the gateway sends (a code, parameters and the reader's language) in that language.
import type { MessageKey } from '../i18n/index.ts';
import { firstKnown } from '../i18n/pick-language.ts';
import { translator } from '../i18n/translator.ts';

/** The parts of the service worker's world this file uses (the page's DOM types and the worker's do not mix in one program). */
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  location: Location;
  navigator: { languages: readonly string[] };
  clients: { openWindow(url: string): Promise<unknown>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'push', listener: (event: { data: { json(): unknown } | null; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: { notification: Notification; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
}
const worker = self as unknown as WorkerScope;

const words: Record<string, MessageKey> = {
  'job-assigned': 'push.jobAssigned', 'work-rejected': 'push.workRejected', 'request-replied': 'push.requestReplied', 'request-status': 'push.requestStatus',
  'sla-breached': 'push.slaBreached',
};

/**
 * What a push says, in words: in the language the gateway names for its reader (the one they
 * chose, not the phone's), else the browser's. Nothing the gateway sent is trusted as markup
 * (notifications show text only).
 */
export function notificationOf(data: unknown, langs: readonly string[]): { title: string; body: string; url: string; tag: string; lang: string } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { code, title, url, ticket, status, language } = data as Record<string, unknown>;
  const key = typeof code === 'string' ? words[code] : undefined;
  if (!key || typeof title !== 'string') return undefined;
  const speak = translator(firstKnown([typeof language === 'string' ? language : '', ...langs]) ?? 'en');
  const statusKey = `portal.status.${String(status)}`;
  const statusWord = speak.has(statusKey) ? speak.t(statusKey) : String(status ?? '');
  return { title: speak.t(key, { title, status: statusWord }), body: speak.t('push.open'), url: typeof url === 'string' ? url : '', tag: String(ticket ?? code), lang: speak.lang };
}

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('push', (event) => {
  let data: unknown;
  try { data = event.data?.json(); } catch { data = undefined; }
  const shown = notificationOf(data, worker.navigator.languages);
  if (!shown) return;
  event.waitUntil(worker.registration.showNotification(shown.title, { body: shown.body, tag: shown.tag, lang: shown.lang, data: { url: shown.url }, icon: './assets/icons/doorside-192.png' }));
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = String((event.notification.data as { url?: unknown } | null)?.url ?? '');
  // Only a page address opens: never a script or data URL a push could carry.
  const target = /^https?:\/\//.test(url) ? url : new URL('./', worker.location.href).href;
  event.waitUntil(worker.clients.openWindow(target));
});
