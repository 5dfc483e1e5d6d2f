import type { peopleLinks as english } from '../en/people-links.ts';

/** Norsk bokmål: linking a person to the unit they belong to. */
export const peopleLinks: Record<keyof typeof english, string> = {
  'peopleLinks.unit': 'Enhet (valgfritt)',
  'peopleLinks.col.unit': 'Enhet',
  'peopleLinks.noUnit': 'Ingen enhet',
  'peopleLinks.unitHint': 'E-post fra denne personen registreres i det første rommet i enheten deres.',
};
