import { createHash } from 'node:crypto';
import { type PaymentNotice, TradeNo } from '../contracts/index.ts';

/** The site a trade number belongs to: trade numbers are `{site}_{payment}`. */
export function siteOfTrade(tradeNo: string): string | null {
  return TradeNo.safeParse(tradeNo).success ? tradeNo.slice(0, tradeNo.lastIndexOf('_P-')) : null;
}

/**
 * One command id per provider event (a UUID made from its digest), so a notice the provider
 * sends again is the same command for the site, held once.
 */
export function noticeCommandId(notice: Pick<PaymentNotice, 'provider' | 'key'>): string {
  const hex = createHash('sha256').update(`${notice.provider}\n${notice.key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
