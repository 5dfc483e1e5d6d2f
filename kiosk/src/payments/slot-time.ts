import type { Lang } from '../i18n/index.ts';
import { locales } from './money-format.ts';

/** A visit's day and times as the building's clock shows them (the service's time zone), in the reader's language. */
export function slotTime(lang: Lang, timeZone: string, start: string, end: string): string {
  const format = new Intl.DateTimeFormat(locales[lang], { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return format.formatRange(new Date(start), new Date(end));
}
