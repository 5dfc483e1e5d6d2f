import { ApiError } from '../../api/gateway-client.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** The words for a refusal the portal meets, chosen by its code; anything else is "could not reach". */
export function refusalKey(error: unknown, fallback: MessageKey = 'portal.failed'): MessageKey {
  if (!(error instanceof ApiError)) return 'portal.failed';
  switch (error.code) {
    case 'SIGN_IN_LINK_USED': return 'portal.linkUsed';
    case 'SIGN_IN_LINK_EXPIRED': return 'portal.linkExpired';
    case 'NOT_YOUR_UNIT': return 'portal.notYourUnit';
    case 'ALREADY_ANSWERED': return 'portal.alreadyAnswered';
    case 'RATE_LIMITED': return 'portal.tooMany';
    default: break;
  }
  if (error.status === 429) return 'portal.tooMany';
  if (error.status === 404 && fallback === 'portal.linkUnknown') return 'portal.linkUnknown';
  return error.status >= 400 && error.status < 500 ? fallback : 'portal.failed';
}
