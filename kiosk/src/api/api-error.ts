/** A refusal from the gateway, carrying its error body (`message`, `details`). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: unknown) {
    super(message);
  }

  get retryAfterSeconds(): number | undefined {
    const retry = (this.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    return typeof retry === 'number' ? retry : undefined;
  }
}
