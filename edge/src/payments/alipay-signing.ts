/**
 * The string Alipay signs: the parameters but `sign` (and, in its notifications, `sign_type`),
 * empty ones left out, sorted by name, `name=value` joined by `&`, values as decoded from the
 * form. A request the app sends signs `sign_type` with the rest; a notification Alipay sends does not.
 */
export function alipaySigningString(params: URLSearchParams, kind: 'notice' | 'request' = 'notice'): string {
  return [...params.entries()]
    .filter(([name, value]) => name !== 'sign' && (kind === 'request' || name !== 'sign_type') && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}
