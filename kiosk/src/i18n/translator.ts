import { catalogs, type Lang, type MessageKey } from './index.ts';

export type Params = Record<string, string | number>;

export interface Translator {
  lang: Lang;
  t(key: MessageKey, params?: Params): string;
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
  const catalog = catalogs[lang];
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const clock = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  const dated = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    lang,
    t: (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)),
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
