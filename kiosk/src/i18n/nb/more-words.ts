import type { moreWords as english } from '../en/more-words.ts';

/** Norsk bokmål: oppfølgingen etter en avvisning, beskrevet på leserens språk. */
export const moreWords: Record<keyof typeof english, string> = {
  'phrase.ticket.rejected': 'Avvist: {reason}',
  'phrase.ticket.rejectedWithNotes': 'Avvist: {reason}. Merknad fra leder: {notes}',
};
