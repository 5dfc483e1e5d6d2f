import { ErrorCode } from '@doorside/edge/occupant-contracts';

/**
 * A refusal from the gateway, carrying its error body (`message`, `details`). `code` is the
 * catalogue's code, or undefined when the answer carried none the catalogue knows (a proxy's
 * error page, a framework refusal), so pages compare it only against real codes.
 */
export class ApiError extends Error {
  readonly code: ErrorCode | undefined;

  constructor(readonly status: number, code: unknown, message: string, readonly details: unknown) {
    super(message);
    this.code = catalogued(code);
  }

  get retryAfterSeconds(): number | undefined {
    return retryAfterOf(this.details);
  }
}

export function catalogued(code: unknown): ErrorCode | undefined {
  const known = ErrorCode.safeParse(code);
  return known.success ? known.data : undefined;
}

/** The wait a refusal's details name, if any. */
export function retryAfterOf(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return undefined;
  return typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined;
}
