import type { ErrorCode } from '@doorside/edge/contracts';
import { SendError } from './send-form.ts';

/** What went wrong with a request, in the terms an occupant's page explains it. */
export type SendProblem =
  | { kind: 'network' }
  | { kind: 'server' }
  | { kind: 'busy'; seconds: number }
  | { kind: 'too-big' }
  | { kind: 'photo' }
  | { kind: 'code-replaced' }
  | { kind: 'code-wrong' }
  | { kind: 'not-found' }
  | { kind: 'invalid-field'; field: string }
  /** `code` is undefined for a refusal without a catalogued code, or a failure on the phone itself. */
  | { kind: 'other'; code: ErrorCode | undefined; message: string };

/** Pages choose their text by the gateway's error code, never by parsing its message. */
export function sendProblem(error: unknown): SendProblem {
  if (!(error instanceof SendError)) return { kind: 'other', code: undefined, message: String(error) };
  const failure = error.failure;
  if (failure.kind === 'network') return { kind: 'network' };
  const { status, code, details, retryAfterSeconds, message } = failure;
  if (status === 429) return { kind: 'busy', seconds: retryAfterSeconds ?? 60 };
  if (status >= 500) return { kind: 'server' };
  if (status === 413) return { kind: 'too-big' };
  if (status === 410 || code === 'QR_REPLACED') return { kind: 'code-replaced' };
  if (code === 'BAD_QR_CODE') return { kind: 'code-wrong' };
  if (code === 'BAD_PHOTO') return { kind: 'photo' };
  if (status === 404) return { kind: 'not-found' };
  if (code === 'INVALID') {
    const path = firstIssuePath(details);
    if (path?.startsWith('/')) return { kind: 'invalid-field', field: path.slice(1).split('/')[0] ?? '' };
  }
  return { kind: 'other', code, message };
}

/** The path of the first problem an `INVALID` refusal lists (`/contact`), if it names one. */
function firstIssuePath(details: unknown): string | undefined {
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  if (typeof first !== 'object' || first === null || !('path' in first)) return undefined;
  return typeof first.path === 'string' ? first.path : undefined;
}
