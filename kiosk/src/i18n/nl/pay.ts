import type { pay as english } from '../en/pay.ts';

/** Nederlands: de gesimuleerde betaalpagina. */
export const pay: Record<keyof typeof english, string> = {
  'pay.provider': 'SimPay',
  'pay.title': 'Betaal je bestelling',
  'pay.simulated': 'Dit is een gesimuleerde betaaldienst voor demonstraties en tests: er wordt geen echt geld overgemaakt.',
  'pay.loading': 'Betaling laden…',
  'pay.unknown': 'Er staat geen betaling op dit adres. Vraag het aan de receptie van het gebouw.',
  'pay.summary': 'Wat je betaalt',
  'pay.payee': 'Aan',
  'pay.order': 'Bestelling',
  'pay.reference': 'Kenmerk',
  'pay.pay': 'Betaal {amount}',
  'pay.paying': 'Bezig met betalen…',
  'pay.paid': 'Betaald. Het gebouw is op de hoogte; je bon staat op je volgpagina.',
  'pay.refused': 'Deze betaling kan niet (meer) worden betaald. Vraag het aan de receptie van het gebouw.',
  'pay.failed': 'De betaling is niet gelukt. Er is niets afgeschreven; probeer het opnieuw.',
  'pay.back': 'Terug naar je bestelling',
  'receipt.title': 'Bon',
  'receipt.paid': 'Betaald',
  'receipt.to': 'Aan',
  'receipt.order': 'Bestelling',
  'receipt.with': 'Met',
  'receipt.at': 'Wanneer',
  'receipt.number': 'Transactie',
  'receipt.refunded': '{amount} terugbetaald',
  'receipt.refundRequested': '{amount} terugbetaling aangevraagd bij de betaaldienst',
};
