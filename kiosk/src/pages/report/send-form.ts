import type { ErrorCode } from '@doorside/edge/contracts';
import { catalogued, retryAfterOf } from '../../api/api-error.ts';
import { readErrorBody } from '../../api/error-body.ts';

/**
 * Talking to the gateway from an occupant's phone. Sending goes through XMLHttpRequest
 * because fetch reports no upload progress, and on a slow link a photo takes seconds.
 */

export type SendFailure =
  | { kind: 'network' }
  /** `code` is undefined when the answer carried no code from the catalogue. */
  | { kind: 'http'; status: number; code: ErrorCode | undefined; message: string; details: unknown; retryAfterSeconds: number | undefined };

export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.kind === 'network' ? 'no connection' : failure.message);
  }
}

function parse(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return undefined;
  }
}

function httpFailure(status: number, body: unknown, retryHeader: string | null): SendError {
  const b = readErrorBody(body);
  const retry = retryAfterOf(b.details) ?? (retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined);
  return new SendError({
    kind: 'http', status, code: catalogued(b.error), message: b.message ?? `HTTP ${status}`, details: b.details, retryAfterSeconds: retry,
  });
}

/** The JSON of a fetch response, or the gateway's refusal as a `SendError`. */
export async function readResponse(response: Response): Promise<unknown> {
  const body = parse(await response.text());
  if (!response.ok) throw httpFailure(response.status, body, response.headers.get('retry-after'));
  return body;
}

export function get(url: string | URL): Promise<unknown> {
  return fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .catch(() => { throw new SendError({ kind: 'network' }); })
    .then(readResponse);
}

/** POSTs JSON, or a multipart form when there are files, calling `onProgress` with 0…1 as the body goes up. */
export function post(url: string | URL, body: FormData | object, onProgress?: (fraction: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', String(url));
    xhr.timeout = 5 * 60_000;
    xhr.setRequestHeader('accept', 'application/json');
    if (onProgress) {
      xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); });
    }
    xhr.addEventListener('load', () => {
      const parsed = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed);
      // Status 0 after "load" means the request never got an answer from the gateway.
      else reject(xhr.status === 0 ? new SendError({ kind: 'network' }) : httpFailure(xhr.status, parsed, xhr.getResponseHeader('retry-after')));
    });
    for (const name of ['error', 'abort', 'timeout'] as const) xhr.addEventListener(name, () => reject(new SendError({ kind: 'network' })));
    if (body instanceof FormData) {
      xhr.send(body);
    } else {
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.send(JSON.stringify(body));
    }
  });
}
