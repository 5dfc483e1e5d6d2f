import { describe, expect, it } from 'vitest';
import { decimalString, divideHalfUp, formatMoney, lineAmount, MAX_MINOR, minorDigits, MoneyOverflow, share, sum, withMarkup } from './money.ts';

describe('money in minor units', () => {
  it.each([
    [7n, 2n, 4n], [5n, 2n, 3n], [3n, 2n, 2n], [1n, 3n, 0n], [2n, 3n, 1n], [-7n, 2n, -4n], [-5n, 2n, -3n], [10n, 5n, 2n], [0n, 9n, 0n],
  ])('divides %d by %d half away from zero to %d', (n, d, q) => {
    expect(divideHalfUp(n, d)).toBe(q);
  });

  it.each([
    [1999, 3, 5997], [0, 10, 0], [15000, 1, 15000], [1, 0, 0], [333, 7, 2331],
  ])('prices %d per unit times %d as %d, exactly', (unit, quantity, amount) => {
    expect(lineAmount(unit, quantity)).toBe(amount);
  });

  it.each([
    // cost, markup (basis points), price: half-up at the exact half, down below it.
    [1000, 2500, 1250], [999, 2500, 1249], [998, 2500, 1248], [1, 5000, 2], [3, 5000, 5], [5, 1000, 6], [4, 1250, 5], [7, 0, 7], [333, 3333, 444], [100, 10_000, 200],
  ])('sells a consumable costing %d with a %d bp markup at %d', (cost, markup, price) => {
    expect(withMarkup(cost, markup)).toBe(price);
  });

  it.each([[1000, 5000, 500], [999, 5000, 500], [1, 4999, 0], [1, 5000, 1], [12345, 3333, 4115]])('takes a share of %d at %d bp as %d', (amount, bp, part) => {
    expect(share(amount, bp)).toBe(part);
  });

  it('refuses fractions, negative quantities and amounts beyond the kept range', () => {
    expect(() => lineAmount(10.5, 2)).toThrow(RangeError);
    expect(() => lineAmount(100, 1.5)).toThrow(RangeError);
    expect(() => lineAmount(100, -1)).toThrow(RangeError);
    expect(() => lineAmount(MAX_MINOR, 2)).toThrow(MoneyOverflow);
    expect(() => sum([MAX_MINOR, 1])).toThrow(MoneyOverflow);
    expect(() => withMarkup(100, -5)).toThrow(RangeError);
  });

  it('adds amounts exactly', () => {
    expect(sum([10, 20, 30])).toBe(60);
    expect(sum([])).toBe(0);
    expect(sum([1999, 1, -500])).toBe(1500);
  });

  it.each([['CNY', 2], ['NOK', 2], ['EUR', 2], ['JPY', 0]])('knows %s has %d minor digits', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it.each([
    [12345, 'CNY', '123.45'], [5, 'EUR', '0.05'], [-250, 'NOK', '-2.50'], [500, 'JPY', '500'], [0, 'CNY', '0.00'],
  ])('writes %d %s as %s for a CSV', (amount, currency, text) => {
    expect(decimalString(amount, currency)).toBe(text);
  });

  it('formats an amount in the reader\'s language', () => {
    expect(formatMoney(12345, 'CNY', 'zh')).toBe('¥123.45');
    expect(formatMoney(12345, 'NOK', 'nb').replace(/\s/g, ' ')).toBe('123,45 kr');
  });
});
