import type { TrackPhase } from '@doorside/edge/contracts';

export type StepKey = 'reported' | 'assigned' | 'on_the_way' | 'done' | 'verified' | 'rejected' | 'cancelled';
export interface Step { key: StepKey; state: 'past' | 'current' | 'next' }

const flow = ['reported', 'assigned', 'on_the_way', 'done', 'verified'] as const;

/**
 * The steps the tracking page draws for a phase. A rejection follows "done" as the current
 * step (the work is being redone); a cancelled report ends after "reported".
 */
export function trackSteps(phase: TrackPhase): Step[] {
  const upTo = (last: number): Step[] => flow.slice(0, last).map((key) => ({ key, state: 'past' }));
  if (phase === 'rejected') return [...upTo(4), { key: 'rejected', state: 'current' }];
  if (phase === 'cancelled') return [...upTo(1), { key: 'cancelled', state: 'current' }];
  const at = flow.indexOf(phase);
  return flow.map((key, i) => ({ key, state: i < at ? 'past' : i === at ? 'current' : 'next' }));
}
