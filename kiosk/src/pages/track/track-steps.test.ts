import { describe, expect, it } from 'vitest';
import { trackSteps } from './track-steps.ts';

const drawn = (phase: Parameters<typeof trackSteps>[0]) => trackSteps(phase).map((s) => `${s.key}:${s.state}`);

describe('the steps a tracking link shows', () => {
  it('marks what is behind, where the job is and what is still ahead', () => {
    const steps = drawn('on_the_way');

    expect(steps).toEqual(['reported:past', 'assigned:past', 'on_the_way:current', 'done:next', 'verified:next']);
  });

  it('shows a verified job with every step behind it', () => {
    const steps = drawn('verified');

    expect(steps).toEqual(['reported:past', 'assigned:past', 'on_the_way:past', 'done:past', 'verified:current']);
  });

  it('puts a rejection after "done" as the current step', () => {
    const steps = drawn('rejected');

    expect(steps).toEqual(['reported:past', 'assigned:past', 'on_the_way:past', 'done:past', 'rejected:current']);
  });

  it('ends a cancelled report right after it was reported', () => {
    const steps = drawn('cancelled');

    expect(steps).toEqual(['reported:past', 'cancelled:current']);
  });
});
