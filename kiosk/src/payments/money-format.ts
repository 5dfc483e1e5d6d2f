import type { Lang } from '../i18n/index.ts';

/** The regional form each language writes money, dates and times in. */
export const locales: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN', nb: 'nb-NO', nl: 'nl-NL' };

/** An amount in minor units (fen, øre, cents), written as the reader's language writes money. */
export function money(amount: number, currency: string, lang: Lang): string {
  const format = new Intl.NumberFormat(locales[lang], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}
