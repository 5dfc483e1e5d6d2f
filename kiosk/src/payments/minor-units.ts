/** How many minor units a currency's major unit has, as digits (2 for NOK, CNY, EUR; 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount typed in major units ("650", "650.5", "650,50") as whole minor units; NaN when it is not one. */
export function toMinor(typed: string, currency: string): number {
  const digits = currencyDigits(currency);
  const text = typed.trim().replace(',', '.');
  if (!new RegExp(`^\\d{1,9}(\\.\\d{0,${digits}})?$`).test(text)) return Number.NaN;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units written for an input in major units, without grouping ("650.00"). */
export function toMajor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
