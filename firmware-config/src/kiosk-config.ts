/**
 * What a browser kiosk (a room sign or a door panel on a tablet/Pi) needs to boot:
 * the page to open, carrying the device's own id and secret, and how to behave.
 */
export type KioskKind = 'sign' | 'panel';

export interface KioskConfigInput {
  kind: KioskKind;
  /** Where the gateway serves its pages, e.g. `https://gw.local:8443` (a path prefix is kept). */
  baseUrl: string;
  room: string;
  deviceId: string;
  token: string;
  /** The page's language; added as `&lang=` when given. */
  language?: string;
}

export interface KioskConfig {
  kind: KioskKind;
  url: string;
  deviceId: string;
  room: string;
  kiosk: { fullscreen: true; keepAwake: true; reloadOnError: true };
}

export function kioskConfig(input: KioskConfigInput): KioskConfig {
  const { kind, room, deviceId, token, language } = input;
  if (kind !== 'sign' && kind !== 'panel') throw new Error(`unknown kiosk kind ${JSON.stringify(kind)}`);
  for (const [field, value] of [['room', room], ['deviceId', deviceId], ['token', token]] as const) {
    if (value.length === 0) throw new Error(`kiosk ${field} is empty`);
  }
  const base = parseBaseUrl(input.baseUrl);
  const e = encodeURIComponent;
  const lang = language === undefined ? '' : `&lang=${e(language)}`;
  const url = `${base}/${kind}/${e(room)}?device=${e(deviceId)}&secret=${e(token)}${lang}`;
  return { kind, url, deviceId, room, kiosk: { fullscreen: true, keepAwake: true, reloadOnError: true } };
}

/** `baseUrl` without a trailing slash, refusing anything but plain http(s) origins and paths. */
function parseBaseUrl(baseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`kiosk baseUrl ${JSON.stringify(baseUrl)} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`kiosk baseUrl must be http(s), got ${parsed.protocol}`);
  }
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new Error('kiosk baseUrl must not carry a query, fragment or credentials');
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}
