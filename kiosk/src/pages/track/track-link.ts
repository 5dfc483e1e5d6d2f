import { type LanguageChoice, pickLanguage } from '../../i18n/pick-language.ts';

export interface TrackLink {
  token: string;
  /** The gateway's root, beside the page (a path prefix in front is kept). */
  base: URL;
  /** The `/ws` address for this link's live view. */
  wsUrl: string;
  languages: LanguageChoice;
}

/** Reads the page's own address, `…/track/{token}?lang=…`. */
export function trackLink(page: URL, browserLanguages: readonly string[]): TrackLink {
  const token = decodeURIComponent(page.pathname.split('/').filter(Boolean).at(-1) ?? '');
  const base = new URL('../', page);
  const ws = new URL('./ws', base);
  ws.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  ws.searchParams.set('track', token);
  return { token, base, wsUrl: ws.href, languages: pickLanguage(page.searchParams, browserLanguages) };
}
