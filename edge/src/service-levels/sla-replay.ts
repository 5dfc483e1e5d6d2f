import type { WaitReason } from '../contracts/index.ts';
import { type ClockRow, type ClockState, type Counting, type Moment, modes, type SlaRow } from './sla-clock.ts';

/** A stretch of a ticket's life between two of its changes, in one mode. */
interface Stretch { from: number; to: number | null; response: ClockState; resolution: ClockState; paused: boolean }

function clockOf(stretches: readonly Stretch[], which: 'response' | 'resolution', targetMs: number, counting: Counting): ClockRow {
  let usedMs = 0;
  let breachedMs: number | null = null;
  let metMs: number | null = null;
  let previous: ClockState = 'paused';
  for (const s of stretches) {
    if (s[which] === 'stopped' && previous !== 'stopped') metMs = s.from;
    if (s[which] !== 'stopped') metMs = null;
    previous = s[which];
    if (s[which] !== 'running' || s.to === null) continue;
    const worked = counting.workingMsBetween(s.from, s.to);
    if (breachedMs === null && usedMs + worked >= targetMs) breachedMs = counting.addWorkingMs(s.from, targetMs - usedMs);
    usedMs += worked;
  }
  const last = stretches.at(-1)!;
  const running = last[which] === 'running';
  return {
    targetMs,
    state: last[which],
    usedMs,
    since: running ? last.from : null,
    dueMs: running ? breachedMs ?? counting.addWorkingMs(last.from, targetMs - usedMs) : null,
    metMs,
    breachedMs,
  };
}

/**
 * The clocks worked out afresh from a ticket's whole history (each change as a moment, the
 * last one open-ended): working time summed over the stretches each clock ran, the breach
 * where the sum first reaches the target. The kept rows must equal this.
 */
export function replaySla(moments: readonly Moment[], targets: { responseMs: number; resolutionMs: number }, pausing: readonly WaitReason[], counting: Counting): SlaRow {
  if (moments.length === 0) throw new Error('a ticket has at least the moment it was opened');
  const stretches: Stretch[] = moments.map((m, i) => ({ from: m.at, to: moments[i + 1]?.at ?? null, ...modes(m, pausing) }));
  const pausedMs = stretches.reduce((sum, s) => sum + (s.paused && s.to !== null ? counting.workingMsBetween(s.from, s.to) : 0), 0);
  return {
    pausedMs,
    pausedSince: stretches.at(-1)!.paused ? stretches.at(-1)!.from : null,
    response: clockOf(stretches, 'response', targets.responseMs, counting),
    resolution: clockOf(stretches, 'resolution', targets.resolutionMs, counting),
  };
}
