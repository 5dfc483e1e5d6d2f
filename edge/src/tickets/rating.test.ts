import { describe, expect, it } from 'vitest';
import { aTicket } from '../test-support/domain-fixtures.ts';
import { AlreadyRated, assertRateable, NotYetRateable } from './rating.ts';

describe('rating a job', () => {
  it('accepts a rating once the job is done or verified', () => {
    expect(() => assertRateable(aTicket('done'), false)).not.toThrow();
    expect(() => assertRateable(aTicket('verified'), false)).not.toThrow();
  });

  it('refuses a rating before the job is done, and a second rating', () => {
    expect(() => assertRateable(aTicket('in_progress'), false)).toThrow(NotYetRateable);
    expect(() => assertRateable(aTicket('done'), true)).toThrow(AlreadyRated);
  });
});
