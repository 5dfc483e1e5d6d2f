import { createHash } from 'node:crypto';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;
const SHORT_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A room's short code, for typing in when the QR code cannot be scanned: 8 letters and
 * digits (no 0/o, 1/l/i) taken from a digest of the room's QR secret, so it needs no
 * storage of its own and a rotated sticker code retires its short code with it.
 */
export function shortCodeOf(qrSecret: string): string {
  const digest = createHash('sha256').update(`short:${qrSecret}`).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += SHORT_ALPHABET[digest[i]! % SHORT_ALPHABET.length];
  return code;
}

/**
 * Every link that leaves the gateway (credentials file, QR codes and sheets, tracking
 * links, device configs) is built here, from `DOORSIDE_PUBLIC_URL` or, without it, from the
 * address the gateway listens on. The base is read when a link is made: a gateway on port 0
 * knows its port only once it listens.
 */
export class PublicAddress {
  readonly #base: () => string;

  constructor(base: string | (() => string)) {
    this.#base = typeof base === 'string' ? () => base : base;
  }

  /** `http(s)://host[:port][/prefix]`, no trailing slash. */
  get base(): string {
    return this.#base().replace(/\/+$/, '');
  }

  /** Whether phones elsewhere in the building could not reach this address. */
  get isLoopback(): boolean {
    return LOOPBACK.test(new URL(this.base).host.replace(/:\d+$/, ''));
  }

  /** The host devices connect their MQTT client to. */
  get hostname(): string {
    return new URL(this.base).hostname.replace(/^\[(.*)\]$/, '$1');
  }

  page(path: string): string {
    return `${this.base}${path.startsWith('/') ? path : `/${path}`}`;
  }

  reportUrl(room: string, qrSecret: string): string {
    return this.page(`/report/${encodeURIComponent(room)}?k=${encodeURIComponent(qrSecret)}`);
  }

  reportApi(room: string, qrSecret: string): string {
    return this.page(`/api/rooms/${encodeURIComponent(room)}/reports?k=${encodeURIComponent(qrSecret)}`);
  }

  /** The short address printed under a room's QR code. */
  shortUrl(qrSecret: string): string {
    return this.page(`/r/${shortCodeOf(qrSecret)}`);
  }

  trackUrl(token: string): string {
    return this.page(`/track/${encodeURIComponent(token)}`);
  }

  /** A vendor contact's link to one work order. */
  vendorUrl(token: string): string {
    return this.page(`/wo/${encodeURIComponent(token)}`);
  }

  panelUrl(room: string): string {
    return this.page(`/panel/${encodeURIComponent(room)}`);
  }

  signUrl(room: string, device: string, secret: string): string {
    return this.page(`/sign/${encodeURIComponent(room)}?device=${encodeURIComponent(device)}&secret=${encodeURIComponent(secret)}`);
  }
}
