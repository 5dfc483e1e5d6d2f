import type { pay as english } from '../en/pay.ts';

/** Norsk bokmål: den simulerte betalingssiden. */
export const pay: Record<keyof typeof english, string> = {
  'pay.provider': 'SimPay',
  'pay.title': 'Betal bestillingen',
  'pay.simulated': 'Dette er en simulert betalingstjeneste for demonstrasjon og testing: ingen ekte penger flyttes.',
  'pay.loading': 'Henter betalingen…',
  'pay.unknown': 'Det finnes ingen betaling på denne adressen. Spør resepsjonen i bygget.',
  'pay.summary': 'Dette betaler du',
  'pay.payee': 'Til',
  'pay.order': 'Bestilling',
  'pay.reference': 'Referanse',
  'pay.pay': 'Betal {amount}',
  'pay.paying': 'Betaler…',
  'pay.paid': 'Betalt. Bygget har fått beskjed; kvitteringen står på sporingssiden din.',
  'pay.refused': 'Denne betalingen kan ikke (lenger) betales. Spør resepsjonen i bygget.',
  'pay.failed': 'Betalingen ble ikke fullført. Ingenting ble trukket; prøv igjen.',
  'pay.back': 'Tilbake til bestillingen',
  'receipt.title': 'Kvittering',
  'receipt.paid': 'Betalt',
  'receipt.to': 'Til',
  'receipt.order': 'Bestilling',
  'receipt.with': 'Med',
  'receipt.at': 'Når',
  'receipt.number': 'Transaksjon',
  'receipt.refunded': '{amount} refundert',
  'receipt.refundRequested': '{amount} er bedt refundert fra betalingstjenesten',
};
