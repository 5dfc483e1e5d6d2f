import { z } from 'zod';
import { DeviceId, RoomId } from '../contracts/index.ts';

/** One installable page as the kiosk build writes it to `dist/apps.json`. */
export const AppEntry = z.object({
  display: z.enum(['fullscreen', 'standalone']),
  theme_color: z.string(),
  background_color: z.string(),
  names: z.record(z.string(), z.object({ name: z.string(), short_name: z.string() })),
});
export const AppEntries = z.record(z.string(), AppEntry);
export type AppEntry = z.infer<typeof AppEntry>;

const secretLike = z.string().regex(/^[A-Za-z0-9_~.-]{1,128}$/, 'not a valid secret');

/** What a manifest's address may carry: the room, and what the page's own address carries (a sign's device and secret, the language). */
export const ManifestQuery = z.strictObject({
  room: RoomId.optional(),
  device: DeviceId.optional(),
  secret: secretLike.optional(),
  k: secretLike.optional(),
  lang: z.string().regex(/^[A-Za-z-]{2,16}$/, 'not a language tag').optional(),
  langs: z.string().regex(/^[A-Za-z,-]{2,64}$/, 'not a list of language tags').optional(),
});
export type ManifestQuery = z.infer<typeof ManifestQuery>;

/**
 * The manifest link's query for a page served at `query` (the room added, anything the
 * manifest would refuse left out), so the installed app starts where it was added from.
 */
export function manifestSearch(room: string | undefined, query: unknown): string {
  const search = new URLSearchParams();
  const given = typeof query === 'object' && query !== null ? query as Record<string, unknown> : {};
  for (const key of Object.keys(ManifestQuery.shape) as (keyof ManifestQuery)[]) {
    if (key === 'room') continue;
    const value = given[key];
    if (typeof value === 'string' && ManifestQuery.shape[key].safeParse(value).success) search.set(key, value);
  }
  if (room !== undefined) search.set('room', room);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The reader's language among the app's names: `?lang=` first, then Accept-Language by weight, then the first. */
export function appLanguage(names: Record<string, unknown>, lang: string | undefined, acceptLanguage: string | undefined): string {
  const known = (tag: string) => {
    const base = tag.trim().toLowerCase().split('-')[0] ?? '';
    const mapped = base === 'no' || base === 'nn' ? 'nb' : base;
    return Object.hasOwn(names, mapped) ? mapped : undefined;
  };
  const accepted = (acceptLanguage ?? '').split(',')
    .map((part, order) => { const [tag = '', ...params] = part.split(';'); const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1); return { tag, q, order }; })
    .filter((a) => a.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (lang ? known(lang) : undefined) ?? accepted.map((a) => known(a.tag)).find((l) => l !== undefined) ?? Object.keys(names)[0] ?? 'en';
}

/**
 * The web app manifest of one page, every address relative to the manifest's own
 * (`/<page>.webmanifest`), so a path prefix in front of the gateway is kept. A page bound to
 * a room starts at that room's address with the page's own query (a sign's credentials).
 */
export function appManifest(page: string, entry: AppEntry, query: ManifestQuery, acceptLanguage: string | undefined) {
  const lang = appLanguage(entry.names, query.lang, acceptLanguage);
  const { name, short_name } = entry.names[lang]!;
  const { room, ...rest } = query;
  const search = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  const at = room === undefined ? page : `${page}/${encodeURIComponent(room)}`;
  return {
    id: at,
    name,
    short_name,
    lang,
    dir: 'ltr',
    start_url: search ? `${at}?${search}` : at,
    scope: room === undefined ? './' : `${page}/`,
    display: entry.display,
    theme_color: entry.theme_color,
    background_color: entry.background_color,
    icons: [
      { src: 'assets/icons/doorside.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'assets/icons/doorside-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'assets/icons/doorside-512.png', sizes: '512x512', type: 'image/png' },
    ],
  };
}
