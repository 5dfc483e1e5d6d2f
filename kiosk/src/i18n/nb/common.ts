import type { common as english } from '../en/common.ts';

/** Norsk bokmål: language name and room statuses. */
export const common: Record<keyof typeof english, string> = {
  'language.name': 'Norsk bokmål',
  'status.available': 'Ledig',
  'status.service_due': 'Trenger service',
  'status.in_service': 'Under service',
  'status.pending_recovery': 'Venter på klargjøring',
  'status.do_not_use': 'Må ikke brukes',
};
