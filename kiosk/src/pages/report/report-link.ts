import { type LanguageChoice, pickLanguage } from '../../i18n/pick-language.ts';

export interface ReportLink {
  room: string;
  /** The room's QR code from the sticker. */
  k: string;
  /** The gateway's root, beside the page (a path prefix in front is kept). */
  base: URL;
  languages: LanguageChoice;
}

/** Reads the page's own address, `…/report/{room}?k=…&lang=…`. */
export function reportLink(page: URL, browserLanguages: readonly string[]): ReportLink {
  const room = decodeURIComponent(page.pathname.split('/').filter(Boolean).at(-1) ?? '');
  return { room, k: page.searchParams.get('k') ?? '', base: new URL('../', page), languages: pickLanguage(page.searchParams, browserLanguages) };
}
