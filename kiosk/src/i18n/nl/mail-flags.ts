import type { mailFlags as english } from '../en/mail-flags.ts';

/** Nederlands: the warning that a reporter's mail address bounced. */
export const mailFlags: Record<keyof typeof english, string> = {
  'mailFlags.undeliverable': 'E-mail aan de melder kan niet worden bezorgd',
  'mailFlags.undeliverableDetail': 'Het adres {contact} is teruggekomen. Antwoorden per e-mail komen niet aan: bel of neem op een andere manier contact op.',
};
