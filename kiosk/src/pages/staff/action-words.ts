import type { Translator } from '../../i18n/translator.ts';
import { ApiError, type StaffAction } from './staff-api.ts';
import type { Names } from './ticket-words.ts';

/** What the page says after the gateway accepted an action. */
export function doneWords(action: StaffAction, ticket: string, body: Record<string, unknown>, names: Names, { t }: Translator): string {
  switch (action) {
    case 'transfer': {
      const to = String(body.to ?? '');
      return t('staff.done.transfer', { ticket, name: names.people.get(to) ?? to });
    }
    case 'claim': return t('staff.done.claim', { ticket });
    case 'accept': return t('staff.done.accept', { ticket });
    case 'start': return t('staff.done.start', { ticket });
    case 'complete': return t('staff.done.complete', { ticket });
    case 'release': return t('staff.done.release', { ticket });
    case 'comment': return t('staff.done.comment', { ticket });
  }
}

/**
 * A refusal in words. The gateway's own message is shown as it is: it names the reason
 * (who holds the ticket, which state it is in); a wait is shown in the page's language.
 */
export function explain(error: unknown, ticket: string, { t }: Translator): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const seconds = error.retryAfterSeconds;
      return seconds === undefined ? t('staff.tooManyTriesNoTime', { message: error.message }) : t('staff.tooManyTries', { seconds });
    }
    return ticket ? t('staff.refused', { ticket, message: error.message }) : t('staff.signInFailed', { message: error.message });
  }
  return t('staff.unreachable');
}
