import { Unauthorized } from '../domain-error.ts';

/** Why a notification was not believed; none of them changes anything. */
export type NoticeProblem = 'MISSING_HEADERS' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'UNREADABLE' | 'WRONG_APP' | 'NOT_SET_UP';

export class NoticeRefused extends Unauthorized {
  constructor(readonly problem: NoticeProblem, provider: string) {
    super('NOTICE_NOT_VERIFIED', `the ${provider} notification was not verified (${problem}); nothing was changed`, { problem, provider });
  }
}
