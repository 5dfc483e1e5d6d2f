import type { ReviewTicket } from '@doorside/edge/review-contracts';
import type { Translator } from '../i18n/translator.ts';

/** What a finished service shows its reviewer: the report (before) and the work (after). */
export interface ServiceEvidence {
  description: string;
  before: Photo[];
  note: string | null;
  after: Photo[];
  /** From the last start to the completion; null when the job was never started on record. */
  minutes: number | null;
}

type Photo = ReviewTicket['attachments'][number];

const lastOf = <T>(items: readonly T[], test: (item: T) => boolean): T | undefined => [...items].reverse().find(test);
const ms = (iso: string) => Date.parse(iso);

/**
 * The before and after of a ticket, from what the gateway already records: the occupant's
 * photos are theirs (`by: occupant`); the work's are the others' since the last start,
 * leaving out the photos of earlier rejections.
 */
export function serviceEvidence(ticket: ReviewTicket): ServiceEvidence {
  const completed = lastOf(ticket.history, (h) => h.action === 'complete');
  const started = lastOf(ticket.history, (h) => h.action === 'start' && (!completed || ms(h.at) <= ms(completed.at)));
  const rejected = new Set(ticket.rejections.flatMap((r) => r.photos));
  const after = ticket.attachments.filter((a) => a.by !== 'occupant' && !rejected.has(a.id) && (!started || ms(a.at) >= ms(started.at)));
  return {
    description: ticket.description,
    before: ticket.attachments.filter((a) => a.by === 'occupant'),
    note: completed?.note ?? null,
    after,
    minutes: started && completed ? Math.max(0, Math.round((ms(completed.at) - ms(started.at)) / 60_000)) : null,
  };
}

/** "45 minutes", "2 hours 5 minutes", in the translator's language and plural rules. */
export function timeSpent(speak: Translator, minutes: number | null): string {
  if (minutes === null) return speak.t('review.timeUnknown');
  if (minutes < 1) return speak.t('review.timeSpent', { duration: speak.t('review.underMinute') });
  const plural = new Intl.PluralRules(speak.lang);
  const count = (n: number, unit: 'minutes' | 'hours') =>
    speak.t(plural.select(n) === 'one' ? `review.${unit}.one` : `review.${unit}.other`, { count: n });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [...(hours ? [count(hours, 'hours')] : []), ...(rest ? [count(rest, 'minutes')] : [])];
  return speak.t('review.timeSpent', { duration: parts.join(' ') });
}
