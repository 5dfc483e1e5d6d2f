/** An announcement's words as the gateway sends them: title and text in one or more of the four languages. */
export interface AnnouncementWords {
  id: string;
  title: Partial<Record<string, string>>;
  text: Partial<Record<string, string>>;
  until: string;
}

const ALL = ['en', 'zh', 'nb', 'nl'];

/**
 * The title and text in the first of `preferred` the announcement was written in, else in
 * the first language it has (English, Chinese, Norwegian, Dutch); `lang` says which, so the
 * page can mark it. Shown as text, never as markup.
 */
export function wordsFor(a: AnnouncementWords, preferred: readonly string[]): { lang: string; title: string; text: string } {
  const lang = [...preferred, ...ALL].find((l) => a.title[l]) ?? Object.keys(a.title)[0] ?? 'en';
  return { lang, title: a.title[lang] ?? '', text: a.text[lang] ?? '' };
}

/** Those still live at `now`: the gateway takes them down at expiry, and a page does not wait for that word. */
export const liveAt = <A extends { until: string }>(list: readonly A[], now: Date): A[] => list.filter((a) => Date.parse(a.until) > now.getTime());

/** When the first of them expires, for a page to redraw then; undefined when none will. */
export function nextExpiry(list: readonly { until: string }[], now: Date): number | undefined {
  const times = list.map((a) => Date.parse(a.until)).filter((t) => t > now.getTime());
  return times.length ? Math.min(...times) : undefined;
}
