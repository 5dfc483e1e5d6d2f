import type { Names, Phrase } from '@doorside/edge/occupant-contracts';
import { catalogs, type Lang, type MessageKey } from './index.ts';

export type Params = Record<string, string | number>;

/** Keys written in plural forms (`….one`, `….other`), named without the form. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

export interface Translator {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** A counted message in the language's plural form for `count` (`params.count` is filled in). */
  plural(key: PluralKey, count: number, params?: Params): string;
  /** Words the server sent as a code and parameters; `fallback` (its plain text) when there is no phrase. */
  phrase(p: Phrase | undefined | null, fallback?: string): string;
  /** A name people typed, in this language when it has a translation. */
  name(text: string, names?: Names | null): string;
  /** A clock time, with the date when it is not today. */
  time(iso: string, now: Date): string;
  /** "5 minutes ago", "yesterday", in the translator's language. */
  ago(iso: string, now: Date): string;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400], ['hour', 3_600], ['minute', 60], ['second', 1],
];

/** Placeholders are `{name}`; a missing parameter stays visible rather than vanishing. */
export function translator(lang: Lang): Translator {
  const catalog: Record<string, string> = catalogs[lang];
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const clock = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  const dated = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const rules = new Intl.PluralRules(lang);
  const fill = (text: string, params: Params) => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  const name = (text: string, names?: Names | null) => names?.[lang] ?? text;
  return {
    lang,
    name,
    t: (key, params = {}) => fill(catalog[key]!, params),
    plural: (key, count, params = {}) =>
      fill(catalog[`${key}.${rules.select(count)}`] ?? catalog[`${key}.other`]!, { ...params, count }),
    phrase(p, fallback = '') {
      const text = p ? catalog[`phrase.${p.code}`] : undefined;
      if (!p || text === undefined) return fallback;
      const params: Params = {};
      for (const [key, value] of Object.entries(p.params)) {
        params[key] = typeof value === 'object' ? name(value.text, value.names) : value;
      }
      return fill(text, params);
    },
    time(iso, now) {
      const at = new Date(iso);
      return (at.toDateString() === now.toDateString() ? clock : dated).format(at);
    },
    ago(iso, now) {
      const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
      const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
      // Under a minute reads as "now": a sign that ticks every few seconds would only distract.
      return unit === 'second' ? relative.format(0, 'second') : relative.format(Math.round(seconds / size), unit);
    },
  };
}
