/**
 * Money as the gateway keeps it: integer minor units (fen, øre, cent) of the site's one
 * currency. Every rounding the catalogue and the orders need happens here, and only here:
 * half away from zero ("half-up" for the positive amounts prices are), on integers, so no
 * binary fraction ever reaches an amount.
 */

/** The largest amount kept: well inside a double's exact integers even after a multiplication. */
export const MAX_MINOR = 1_000_000_000;

/** Markups are in basis points (1/100 of a percent): 2500 is 25 %. */
export const BASIS = 10_000;

export class MoneyOverflow extends Error {
  constructor(readonly amount: bigint | number) { super(`amount ${amount} is beyond ${MAX_MINOR} minor units`); }
}

function checked(value: bigint): number {
  if (value > BigInt(MAX_MINOR) || value < -BigInt(MAX_MINOR)) throw new MoneyOverflow(value);
  return Number(value);
}

/** numerator / denominator rounded half away from zero, on integers. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** A line's amount: unit price times a whole quantity. Exact; only too large an amount is refused. */
export function lineAmount(unitPrice: number, quantity: number): number {
  assertMinor(unitPrice);
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`quantity ${quantity} is not a whole number of units`);
  return checked(BigInt(unitPrice) * BigInt(quantity));
}

/** A cost with a markup in basis points, rounded half-up to the minor unit: what consumables are sold at. */
export function withMarkup(cost: number, markupBasisPoints: number): number {
  assertMinor(cost);
  if (!Number.isSafeInteger(markupBasisPoints) || markupBasisPoints < 0) throw new RangeError('a markup is a whole, non-negative number of basis points');
  return checked(divideHalfUp(BigInt(cost) * BigInt(BASIS + markupBasisPoints), BigInt(BASIS)));
}

/** A share of an amount (basis points), rounded half-up: a partial refund by percentage. */
export function share(amount: number, basisPoints: number): number {
  assertMinor(amount);
  return checked(divideHalfUp(BigInt(amount) * BigInt(basisPoints), BigInt(BASIS)));
}

/** The sum of amounts, refused beyond the kept range. */
export function sum(amounts: readonly number[]): number {
  return checked(amounts.reduce((total, a) => { assertMinor(a); return total + BigInt(a); }, 0n));
}

export function assertMinor(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${amount} is not a whole number of minor units`);
  if (Math.abs(amount) > MAX_MINOR) throw new MoneyOverflow(amount);
}

/** How many minor units a currency's major unit has (ISO 4217, as the platform's Intl knows it). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount in a language, for receipts and exports: 12345 CNY → "¥123.45" (en), "123,45 kr" (nb, NOK). */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** digits);
}

/** The major-unit reading of an amount as plain digits (CSV): 12345 → "123.45" for a two-digit currency. */
export function decimalString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amount < 0;
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${whole}` : whole;
}
