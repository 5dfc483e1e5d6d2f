import { DomainError } from '@doorside/edge/http';
import type { ChainPoint } from '../protocol.ts';
import type { ChainBreak, CutBack } from './alert-codes.ts';

/**
 * A batch that is well formed but cannot be taken into the central copy of the site's
 * chain. The gateway's error handler has no kind for it; the site routes answer 422.
 */
export abstract class ChainRefusal extends DomainError {
  abstract readonly alertKind: string;
  /** What the page needs to say it in the reader's language: the alert's parameters, with `reason` as a code. */
  abstract readonly alertParams: AlertParams;
}

export type AlertParams = Record<string, string | number>;

export class ChainBroken extends ChainRefusal {
  readonly code = 'CHAIN_BROKEN';
  readonly alertKind = 'chain-broken';
  constructor(readonly firstBadSeq: number, readonly reason: ChainBreak, readonly problem: string) {
    super(`the batch breaks the hash chain at seq ${firstBadSeq}: ${problem}`, { firstBadSeq, problem });
  }

  get alertParams(): AlertParams {
    return { seq: this.firstBadSeq, reason: this.reason };
  }
}

export class LogCutBack extends ChainRefusal {
  readonly code = 'LOG_CUT_BACK';
  readonly alertKind = 'log-cut-back';
  constructor(readonly head: ChainPoint, readonly cursor: ChainPoint, readonly reason: CutBack, readonly problem: string) {
    super(`the site's log was cut back: ${problem}`, { head, cursor, problem });
  }

  get alertParams(): AlertParams {
    return { head: this.head.seq, cursor: this.cursor.seq, reason: this.reason };
  }
}

/** A gap or a stale start: the agent resends from `details.cursor`. */
export class OutOfOrder extends DomainError {
  readonly code = 'OUT_OF_ORDER';
  constructor(cursor: ChainPoint, after: number) {
    super(`the batch follows seq ${after}, but the central copy ends at seq ${cursor.seq}: send the events after it`, { cursor, after });
  }
}

export class BadSiteKey extends DomainError {
  readonly code = 'BAD_SITE_KEY';
  constructor() {
    super('unknown site or wrong site key');
  }
}

export class ResultAlreadyRecorded extends DomainError {
  readonly code = 'RESULT_ALREADY_RECORDED';
  constructor(id: string, state: string) {
    super(`command ${id} was already answered as ${state}; a different answer is not taken`, { id, state });
  }
}

export class SiteExists extends DomainError {
  readonly code = 'SITE_EXISTS';
  constructor(site: string) {
    super(`site ${site} is already registered`, { site });
  }
}

export class SiteNotGranted extends DomainError {
  readonly code = 'SITE_NOT_GRANTED';
  constructor(site: string) {
    super(`you may not see site ${site}`, { site });
  }
}
