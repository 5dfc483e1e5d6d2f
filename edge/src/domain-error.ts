/**
 * A refusal the domain can name. One handler maps `kind` to an HTTP status;
 * routes never pick a 4xx themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'invalid' | 'unauthorized' | 'forbidden' | 'not-found' | 'gone' | 'conflict' | 'locked';
  readonly details?: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly kind = 'not-found';
  constructor(what: string, id: string) {
    super(`${what} ${id} does not exist`, { [what]: id });
  }
}

export class Invalid extends DomainError {
  readonly code: string;
  readonly kind = 'invalid';
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}

export class Forbidden extends DomainError {
  readonly code: string;
  readonly kind = 'forbidden';
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}

export class Unauthorized extends DomainError {
  readonly code: string;
  readonly kind = 'unauthorized';
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}
