import type { z } from 'zod';

/** The other side could not be reached or failed on its end (network, timeout, 5xx): try again later. */
export class LinkDown extends Error {
  constructor(readonly side: 'gateway' | 'central', detail: string) {
    super(`${side} unreachable: ${detail}`);
  }
}

/** The other side answered with a refusal (4xx) in the `{error, message, details}` shape. */
export class Refused extends Error {
  constructor(readonly side: 'gateway' | 'central', readonly status: number, readonly code: string, readonly reason: string, readonly details: unknown) {
    super(`${side} refused (${status} ${code}): ${reason}`);
  }
}

export interface JsonCall {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

/** One JSON endpoint with a bearer key; every answer is parsed with the caller's schema. */
export class JsonEndpoint {
  constructor(
    private readonly side: 'gateway' | 'central',
    private readonly baseUrl: string,
    private readonly key: string,
    private readonly timeoutMs: number,
    private readonly stopSignal: AbortSignal,
  ) {}

  async call<T>(request: JsonCall, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${request.path}`, {
        method: request.method,
        headers: { authorization: `Bearer ${this.key}`, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.any([this.stopSignal, AbortSignal.timeout(this.timeoutMs)]),
      });
      text = await response.text();
    } catch (error) {
      if (this.stopSignal.aborted) throw error;
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new LinkDown(this.side, cause?.code ?? cause?.message ?? (error as Error).message);
    }
    if (response.status >= 500) throw new LinkDown(this.side, `HTTP ${response.status}`);
    const body = parseJson(text);
    if (!response.ok) {
      const refusal = (body ?? {}) as { error?: unknown; message?: unknown; details?: unknown };
      throw new Refused(this.side, response.status, String(refusal.error ?? 'UNKNOWN'), String(refusal.message ?? text.slice(0, 200)), refusal.details);
    }
    const parsed = schema.safeParse(body);
    // A 2xx we cannot read is the other side misbehaving, not a refusal of what we sent.
    if (!parsed.success) throw new LinkDown(this.side, `unexpected answer to ${request.method} ${request.path}: ${parsed.error.issues[0]?.message ?? 'not JSON'}`);
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
