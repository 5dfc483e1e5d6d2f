import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Meta } from '../store/meta.sqlite.ts';

const SECRET_KEY = 'mail.reply-secret';
const MAC_LENGTH = 10;

/** The site's secret for reply addresses: made once, kept in meta, so a restart keeps old replies threading. */
export function replySecret(meta: Meta): string {
  const known = meta.get(SECRET_KEY);
  if (known) return known;
  const secret = randomBytes(32).toString('base64url');
  meta.set({ [SECRET_KEY]: secret });
  return secret;
}

/**
 * `inquiries+{ticket}.{mac}@domain`: the mac (truncated HMAC-SHA256 of the ticket id) stops a
 * sender from adding to someone else's ticket by guessing its number.
 */
export class ReplyAddresses {
  constructor(private readonly secret: string, readonly domain: string, readonly local = 'inquiries') {}

  get inbox(): string {
    return `${this.local}@${this.domain}`;
  }

  #mac(ticket: string): string {
    return createHmac('sha256', this.secret).update(ticket).digest('hex').slice(0, MAC_LENGTH);
  }

  replyTo(ticket: string): string {
    return `${this.local}+${ticket.toLowerCase()}.${this.#mac(ticket)}@${this.domain}`;
  }

  /** What an address is to this gateway: the inbox, a valid reply address (its ticket), or not ours. */
  read(address: string): { kind: 'inbox' } | { kind: 'reply'; ticket: string } | { kind: 'foreign' } {
    const lower = address.trim().toLowerCase();
    const at = lower.lastIndexOf('@');
    if (at < 0 || lower.slice(at + 1) !== this.domain.toLowerCase()) return { kind: 'foreign' };
    const local = lower.slice(0, at);
    if (local === this.local) return { kind: 'inbox' };
    const match = new RegExp(`^${this.local}\\+(t-\\d{1,12})\\.([0-9a-f]{${MAC_LENGTH}})$`).exec(local);
    if (!match) return { kind: 'foreign' };
    const ticket = match[1]!.toUpperCase();
    const expected = Buffer.from(this.#mac(ticket));
    const given = Buffer.from(match[2]!);
    return timingSafeEqual(expected, given) ? { kind: 'reply', ticket } : { kind: 'foreign' };
  }
}
