import type { peopleLinks as english } from '../en/people-links.ts';

/** Nederlands: een persoon koppelen aan de unit waartoe die hoort. */
export const peopleLinks: Record<keyof typeof english, string> = {
  'peopleLinks.unit': 'Unit (optioneel)',
  'peopleLinks.col.unit': 'Eenheid',
  'peopleLinks.noUnit': 'Geen unit',
  'peopleLinks.unitHint': 'E-mail van deze persoon wordt geregistreerd in de eerste ruimte van hun unit.',
};
