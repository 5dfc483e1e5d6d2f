import type { dispatchSuggest as english } from '../en/dispatch-suggest.ts';

/** Norsk bokmål: forslag til hvem som skal ta jobben, og på eller av vakt. */
export const dispatchSuggest: Record<keyof typeof english, string> = {
  'dispatchSuggest.title': 'Hvem bør ta den',
  'dispatchSuggest.loading': 'Vurderer hvem som bør ta den …',
  'dispatchSuggest.none': 'Ingen i teamet er på vakt med riktig kompetanse: saken blir liggende i teamets kø.',
  'dispatchSuggest.offDuty.one': '{count} person av vakt foreslås ikke.',
  'dispatchSuggest.offDuty.other': '{count} personer av vakt foreslås ikke.',
  'dispatchSuggest.assign': 'Tildel {name}',
  'dispatchSuggest.failed': 'Forslagene kunne ikke lastes.',
  'dispatchSuggest.reason.LOAD.one': 'har {count} åpen sak',
  'dispatchSuggest.reason.LOAD.other': 'har {count} åpne saker',
  'dispatchSuggest.reason.SKILL': 'kvalifisert for denne kategorien',
  'dispatchSuggest.reason.SAME_FLOOR': 'jobber i etasje {floor} nå',
  'dispatchSuggest.reason.SAME_ZONE': 'jobber i {zone} nå',
  'dispatchSuggest.reason.CLASH': 'et annet besøk er avtalt kl. {time}',
  'dispatchSuggest.duty': 'På vakt',
  'dispatchSuggest.dutyOn': 'Du er på vakt: du kan få tildelt jobber.',
  'dispatchSuggest.dutyOff': 'Du er av vakt: ingen tildeler deg jobber før du er tilbake.',
};
