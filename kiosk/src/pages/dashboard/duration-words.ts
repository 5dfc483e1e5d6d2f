import type { Translator } from '../../i18n/translator.ts';

/** A length of time in minutes as "45 min", "2 h 5 min" or "3 d 4 h". */
export function durationWords(minutes: number, t: Translator['t']): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return t('dash.minutes', { minutes: whole });
  if (whole < 1440) return t('dash.hours', { hours: Math.floor(whole / 60), minutes: whole % 60 });
  return t('dash.days', { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60) });
}
