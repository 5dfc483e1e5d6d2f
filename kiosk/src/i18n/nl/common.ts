import type { common as english } from '../en/common.ts';

/** Nederlands: language name and room statuses. */
export const common: Record<keyof typeof english, string> = {
  'language.name': 'Nederlands',
  'status.available': 'Beschikbaar',
  'status.service_due': 'Onderhoud nodig',
  'status.in_service': 'Wordt onderhouden',
  'status.pending_recovery': 'Wacht op herstel',
  'status.do_not_use': 'Niet gebruiken',
};
