import type { OccupantPriceRule as PriceRule } from '@doorside/edge/occupant-contracts';

type PaymentMode = 'at-order' | 'after-service' | 'company';
import type { Translator } from '../i18n/translator.ts';
import { locales, money } from './money-format.ts';

/** A service's price rule in the reader's words: "NOK 650.00 per unit", "call-out … plus parts at cost plus 25 %". */
export function priceRuleText({ t, lang }: Translator, rule: PriceRule, currency: string): string {
  switch (rule.kind) {
    case 'fixed': return t('price.rule.fixed', { amount: money(rule.amount, currency, lang) });
    case 'per-unit': return t('price.rule.perUnit', { amount: money(rule.unitPrice, currency, lang), unit: rule.unit });
    case 'consumables': return t('price.rule.consumables', {
      amount: money(rule.callOut, currency, lang),
      markup: new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 2 }).format(rule.markupBasisPoints / 10_000),
    });
  }
}

/**
 * What a booking costs before the visit, read from the catalogue the gateway sent: the fixed
 * amount, unit price times quantity, or the call-out fee (parts are added when used). The
 * gateway prices the order itself; the order it answers carries the amount that counts.
 */
export function bookingPrice(rule: PriceRule, quantity: number): number {
  switch (rule.kind) {
    case 'fixed': return rule.amount;
    case 'per-unit': return rule.unitPrice * quantity;
    case 'consumables': return rule.callOut;
  }
}

export const paymentModeKey = (mode: PaymentMode) => (({ 'at-order': 'price.mode.atOrder', 'after-service': 'price.mode.afterService', company: 'price.mode.company' }) as const)[mode];
