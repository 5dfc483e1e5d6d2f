import type { dispatchSuggest as english } from '../en/dispatch-suggest.ts';

/** Nederlands: voorstellen wie een klus neemt, en in of uit dienst. */
export const dispatchSuggest: Record<keyof typeof english, string> = {
  'dispatchSuggest.title': 'Wie moet het doen',
  'dispatchSuggest.loading': 'Afwegen wie het moet doen…',
  'dispatchSuggest.none': 'Niemand van het team is in dienst met de juiste vaardigheid: het ticket blijft in de pool van het team.',
  'dispatchSuggest.offDuty.one': '{count} persoon uit dienst wordt niet voorgesteld.',
  'dispatchSuggest.offDuty.other': '{count} personen uit dienst worden niet voorgesteld.',
  'dispatchSuggest.assign': 'Toewijzen aan {name}',
  'dispatchSuggest.failed': 'De voorstellen konden niet worden geladen.',
  'dispatchSuggest.reason.LOAD.one': 'heeft {count} open ticket',
  'dispatchSuggest.reason.LOAD.other': 'heeft {count} open tickets',
  'dispatchSuggest.reason.SKILL': 'bevoegd voor deze categorie',
  'dispatchSuggest.reason.SAME_FLOOR': 'werkt nu op verdieping {floor}',
  'dispatchSuggest.reason.SAME_ZONE': 'werkt nu in {zone}',
  'dispatchSuggest.reason.CLASH': 'ander bezoek gepland om {time}',
  'dispatchSuggest.duty': 'In dienst',
  'dispatchSuggest.dutyOn': 'Je bent in dienst: je kunt klussen toegewezen krijgen.',
  'dispatchSuggest.dutyOff': 'Je bent uit dienst: niemand wijst je klussen toe tot je terug bent.',
};
