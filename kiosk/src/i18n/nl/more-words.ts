import type { moreWords as english } from '../en/more-words.ts';

/** Nederlands: de vervolgtaak na een afkeuring, beschreven in de taal van de lezer. */
export const moreWords: Record<keyof typeof english, string> = {
  'phrase.ticket.rejected': 'Afgekeurd: {reason}',
  'phrase.ticket.rejectedWithNotes': 'Afgekeurd: {reason}. Opmerking van de leidinggevende: {notes}',
  'live.crowded.sign': 'De link van dit bord staat op te veel schermen open; dit scherm wordt over een minuut weer bijgewerkt.',
  'live.crowded.page': 'Er zijn te veel pagina’s open met deze aanmelding; deze pagina wordt over een minuut weer bijgewerkt.',
  'live.crowded.short': 'Gepauzeerd',
};
