import type { mailFlags as english } from '../en/mail-flags.ts';

/** Norsk bokmål: the warning that a reporter's mail address bounced. */
export const mailFlags: Record<keyof typeof english, string> = {
  'mailFlags.undeliverable': 'E-post til innmelderen kan ikke leveres',
  'mailFlags.undeliverableDetail': 'Adressen {contact} avviste e-posten. Svar på e-post når ikke fram: ring eller ta kontakt på annen måte.',
};
