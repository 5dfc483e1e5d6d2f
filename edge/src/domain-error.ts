import { type ErrorCode, httpStatusOf } from './contracts/errors.ts';

/**
 * A refusal the domain can name. Its code is one of the error catalogue's, which also
 * gives its HTTP status; routes never pick a 4xx themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }

  get status(): number {
    return httpStatusOf(this.code);
  }

  /** The kind of refusal, read off its HTTP status. */
  get kind(): 'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'gone' | 'conflict' | 'locked' | 'unavailable' | 'internal' {
    return kinds[this.status] ?? 'internal';
  }
}

const kinds: Record<number, DomainError['kind']> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 410: 'gone', 415: 'invalid', 422: 'invalid', 429: 'locked', 503: 'unavailable',
};

/** A refusal whose code is chosen where it is raised. */
export class Refusal extends DomainError {
  constructor(readonly code: ErrorCode, message: string, details?: unknown) {
    super(message, details);
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`, { [what]: id });
  }
}

export class Invalid extends Refusal {}
export class Forbidden extends Refusal {}
export class Unauthorized extends Refusal {}

/** SQLite's and the file system's word for a full disk. */
const FULL_DISK_CODES = new Set(['SQLITE_FULL', 'ENOSPC']);

/** The disk under the data folder is full: the write was rolled back (or never started). */
export class StorageFull extends DomainError {
  readonly code = 'STORAGE_FULL';
  constructor() {
    super('the gateway\'s disk is full; nothing was changed', { retryAfterSeconds: 60 });
  }

  static is(error: unknown): boolean {
    return FULL_DISK_CODES.has(String((error as { code?: unknown } | null)?.code));
  }
}
