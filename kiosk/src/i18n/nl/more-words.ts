import type { moreWords as english } from '../en/more-words.ts';

/** Nederlands: de vervolgtaak na een afkeuring, beschreven in de taal van de lezer. */
export const moreWords: Record<keyof typeof english, string> = {
  'phrase.ticket.rejected': 'Afgekeurd: {reason}',
  'phrase.ticket.rejectedWithNotes': 'Afgekeurd: {reason}. Opmerking van de leidinggevende: {notes}',
};
