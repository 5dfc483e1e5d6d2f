import { type LanguageChoice, pickLanguage } from '../../i18n/pick-language.ts';

export interface SignLink {
  room: string;
  /** The `/ws` address beside the page, carrying the sign's device credentials or the room's QR secret. */
  wsUrl: string;
  languages: LanguageChoice;
}

/**
 * Reads the page's own address, `…/sign/{room}?device=…&secret=…` or `…/sign/{room}?k=…`.
 * A path prefix in front (a proxy) is kept for the socket too.
 */
export function signLink(page: URL, browserLanguages: readonly string[]): SignLink {
  const room = decodeURIComponent(page.pathname.split('/').filter(Boolean).at(-1) ?? '');
  const ws = new URL('../ws', page);
  ws.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const device = page.searchParams.get('device');
  const secret = page.searchParams.get('secret');
  const k = page.searchParams.get('k');
  if (device && secret) {
    ws.searchParams.set('device', device);
    ws.searchParams.set('secret', secret);
  } else if (k) {
    ws.searchParams.set('room', room);
    ws.searchParams.set('k', k);
  }
  return { room, wsUrl: ws.href, languages: pickLanguage(page.searchParams, browserLanguages) };
}
