/**
 * The words the contracts are made of, without a schema library: id patterns and status
 * lists. Both the full schemas (zod) and the occupant page's light ones (zod/mini) use them,
 * so a rule about an id or a status is written once.
 */
export const idPatterns = {
  slug: /^[a-z0-9][a-z0-9_-]{0,47}$/,
  username: /^[a-z0-9][a-z0-9._-]{0,47}$/,
  ticket: /^T-\d{1,9}$/,
  token: /^[A-Za-z0-9_-]{22,128}$/,
  attachment: /^A-[A-Za-z0-9_-]{8,40}$/,
} as const;

export const roomStatuses = ['available', 'service_due', 'in_service', 'pending_recovery', 'do_not_use'] as const;
export const ticketStatuses = ['new', 'assigned', 'in_progress', 'done', 'verified', 'rejected', 'escalated', 'cancelled'] as const;

/**
 * Characters that show nothing: white space (which includes U+FEFF), zero-width space, non-joiner
 * and joiner, direction marks and embeddings, word joiner and invisible operators, soft hyphen,
 * the Hangul fillers, the Mongolian vowel separator and the blank Braille pattern. Variation
 * selectors and tag characters are left alone: they finish emoji and flags.
 */
const invisible = '\\s\\u00AD\\u034F\\u061C\\u115F\\u1160\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\u2800\\u3164\\uFFA0';
const invisibleAtEnds = new RegExp(`^[${invisible}]+|[${invisible}]+$`, 'g');

/**
 * Free text as it is kept: without invisible characters at either end, so text with no visible
 * character at all counts as empty. Between visible characters they stay (an emoji's joiners).
 */
export function visibleTrim(text: string): string {
  return text.replace(invisibleAtEnds, '');
}
