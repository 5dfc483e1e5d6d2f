import type { moreWords as english } from '../en/more-words.ts';

/** Norsk bokmål: oppfølgingen etter en avvisning, beskrevet på leserens språk. */
export const moreWords: Record<keyof typeof english, string> = {
  'phrase.ticket.rejected': 'Avvist: {reason}',
  'phrase.ticket.rejectedWithNotes': 'Avvist: {reason}. Merknad fra leder: {notes}',
  'live.crowded.sign': 'Lenken til dette skiltet er åpen på for mange skjermer; denne oppdateres igjen om et minutt.',
  'live.crowded.page': 'For mange sider er åpne med denne innloggingen; denne siden oppdateres igjen om et minutt.',
  'live.crowded.short': 'Pause',
};
