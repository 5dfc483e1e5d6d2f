import { isLang, type Lang, languages } from './index.ts';

const base = (tag: string) => tag.trim().toLowerCase().split('-')[0] ?? '';

/** The first known language among these tags (`zh-CN` counts as `zh`, `no`/`nn` as `nb`). */
export function firstKnown(tags: readonly string[]): Lang | undefined {
  for (const tag of tags) {
    const b = base(tag);
    const lang = b === 'no' || b === 'nn' ? 'nb' : b;
    if (isLang(lang)) return lang;
  }
  return undefined;
}

export interface LanguageChoice {
  /** The language the page speaks. */
  lang: Lang;
  /** Every language the status word is shown in, `lang` first. */
  shown: Lang[];
}

/**
 * `?lang=` wins, then the browser's languages; `?langs=en,nb` lists the site's languages,
 * and the browser's choice is taken only from those.
 */
export function pickLanguage(query: URLSearchParams, browser: readonly string[]): LanguageChoice {
  const site = [...new Set((query.get('langs') ?? '').split(',').map((tag) => firstKnown([tag])).filter((l) => l !== undefined))];
  const allowed = site.length > 0 ? site : languages;
  const lang = firstKnown([query.get('lang') ?? ''])
    ?? firstKnown(browser.filter((tag) => allowed.some((a) => a === firstKnown([tag]))))
    ?? allowed[0] ?? 'en';
  return { lang, shown: [lang, ...site.filter((l) => l !== lang)] };
}
