import type { ErrorCode } from '@doorside/edge/contracts';
import { describe, expect, it } from 'vitest';
import { SendError } from './send-form.ts';
import { sendProblem } from './send-problem.ts';

const http = (status: number, code: ErrorCode, details?: unknown, retryAfterSeconds?: number) =>
  new SendError({ kind: 'http', status, code, message: `${code} message`, details, retryAfterSeconds });

describe('explaining a failed send', () => {
  it('tells a dropped connection apart from a refusal', () => {
    const problem = sendProblem(new SendError({ kind: 'network' }));

    expect(problem).toEqual({ kind: 'network' });
  });

  it('keeps the wait of a rate limit', () => {
    const problem = sendProblem(http(429, 'RATE_LIMITED', { retryAfterSeconds: 42 }, 42));

    expect(problem).toEqual({ kind: 'busy', seconds: 42 });
  });

  it('reads any 5xx as a problem on the gateway', () => {
    const problems = [500, 502, 503].map((status) => sendProblem(http(status, 'INTERNAL')));

    expect(problems).toEqual([{ kind: 'server' }, { kind: 'server' }, { kind: 'server' }]);
  });

  it('names a replaced and a wrong QR code', () => {
    const problems = [sendProblem(http(410, 'QR_REPLACED')), sendProblem(http(403, 'BAD_QR_CODE'))];

    expect(problems).toEqual([{ kind: 'code-replaced' }, { kind: 'code-wrong' }]);
  });

  it('points at the field the gateway refused', () => {
    const problem = sendProblem(http(400, 'INVALID', [{ path: '/contact', message: 'give an e-mail address or a phone number' }]));

    expect(problem).toEqual({ kind: 'invalid-field', field: 'contact' });
  });

  it('passes any other refusal on with its code and message', () => {
    const problem = sendProblem(http(403, 'DISPUTE_NOT_ALLOWED'));

    expect(problem).toEqual({ kind: 'other', code: 'DISPUTE_NOT_ALLOWED', message: 'DISPUTE_NOT_ALLOWED message' });
  });
});
