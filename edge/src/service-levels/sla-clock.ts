import type { SlaClock, TicketSla, TicketStatus, WaitReason } from '../contracts/index.ts';

/** What the clocks count with: the site's working time, in epoch milliseconds. */
export interface Counting {
  addWorkingMs(startMs: number, ms: number): number;
  workingMsBetween(aMs: number, bMs: number): number;
}

/** A ticket as the clocks see it at one moment: its status, what it waits for, whether anyone answered it yet. */
export interface Moment { at: number; status: TicketStatus; waiting: WaitReason | null; responded: boolean }

export type ClockState = 'running' | 'paused' | 'stopped';

/** One clock as kept: the working time counted up to `since` (while running), and when it runs out. */
export interface ClockRow {
  targetMs: number;
  state: ClockState;
  usedMs: number;
  since: number | null;
  dueMs: number | null;
  metMs: number | null;
  breachedMs: number | null;
}

/** A ticket's two clocks and the working time it spent waiting, as kept after each of its changes. */
export interface SlaRow { pausedMs: number; pausedSince: number | null; response: ClockRow; resolution: ClockRow }

const FINISHED: readonly string[] = ['done', 'verified', 'cancelled'] satisfies readonly TicketStatus[];

/** Whether the work on a ticket is over (done, verified or cancelled): its clocks stop. */
export const isFinished = (status: string): boolean => FINISHED.includes(status);

/** Which way each clock goes at a moment: paused while waiting on a pausing reason, stopped once answered or finished. */
export function modes(moment: Moment, pausing: readonly WaitReason[]): { paused: boolean; response: ClockState; resolution: ClockState } {
  const finished = isFinished(moment.status);
  const paused = !finished && moment.waiting !== null && pausing.includes(moment.waiting);
  const resolution: ClockState = finished ? 'stopped' : paused ? 'paused' : 'running';
  const response: ClockState = moment.responded || finished ? 'stopped' : paused ? 'paused' : 'running';
  return { paused, response, resolution };
}

const fresh = (targetMs: number): ClockRow => ({ targetMs, state: 'paused', usedMs: 0, since: null, dueMs: null, metMs: null, breachedMs: null });

function counted(clock: ClockRow, at: number, counting: Counting): ClockRow {
  if (clock.since === null) return clock;
  const usedMs = clock.usedMs + counting.workingMsBetween(clock.since, at);
  const breachedMs = clock.breachedMs ?? (usedMs >= clock.targetMs ? clock.dueMs : null);
  return { ...clock, usedMs, breachedMs };
}

function turned(clock: ClockRow, state: ClockState, at: number, counting: Counting): ClockRow {
  switch (state) {
    case 'running':
      return { ...clock, state, since: at, metMs: null, dueMs: clock.breachedMs ?? counting.addWorkingMs(at, clock.targetMs - clock.usedMs) };
    case 'paused':
      return { ...clock, state, since: null, dueMs: null, metMs: null };
    case 'stopped':
      return { ...clock, state, since: null, dueMs: null, metMs: clock.state === 'stopped' ? clock.metMs : at };
  }
}

/** The clocks after the ticket's change at `moment`: the time since the last change counted, then each clock turned as the ticket now is. */
export function advanceSla(row: SlaRow, moment: Moment, pausing: readonly WaitReason[], counting: Counting): SlaRow {
  const { at } = moment;
  const mode = modes(moment, pausing);
  const pausedMs = row.pausedMs + (row.pausedSince === null ? 0 : counting.workingMsBetween(row.pausedSince, at));
  return {
    pausedMs,
    pausedSince: mode.paused ? at : null,
    response: turned(counted(row.response, at, counting), mode.response, at, counting),
    resolution: turned(counted(row.resolution, at, counting), mode.resolution, at, counting),
  };
}

/** The clocks of a ticket just opened, with its targets in working milliseconds. */
export function startSla(moment: Moment, targets: { responseMs: number; resolutionMs: number }, pausing: readonly WaitReason[], counting: Counting): SlaRow {
  const row: SlaRow = { pausedMs: 0, pausedSince: null, response: fresh(targets.responseMs), resolution: fresh(targets.resolutionMs) };
  return advanceSla(row, moment, pausing, counting);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function clockView(clock: ClockRow, now: number, counting: Counting): SlaClock {
  const used = clock.usedMs + (clock.since === null ? 0 : counting.workingMsBetween(clock.since, now));
  const breachedMs = clock.breachedMs ?? (clock.dueMs !== null && clock.dueMs <= now ? clock.dueMs : null);
  return {
    targetMinutes: Math.round(clock.targetMs / 60_000),
    state: clock.state,
    dueAt: iso(clock.dueMs),
    leftMs: Math.round(clock.targetMs - used),
    metAt: iso(clock.metMs),
    breached: breachedMs !== null,
    breachedAt: iso(breachedMs),
  };
}

/** The clocks as read at `now`: a running clock past its due time is breached even before anything marks it. */
export function slaView(row: SlaRow, now: number, counting: Counting): TicketSla {
  const response = clockView(row.response, now, counting);
  const resolution = clockView(row.resolution, now, counting);
  const pausedMs = row.pausedMs + (row.pausedSince === null ? 0 : counting.workingMsBetween(row.pausedSince, Math.max(now, row.pausedSince)));
  return {
    responseDueAt: response.dueAt,
    resolutionDueAt: resolution.dueAt,
    pausedMs,
    paused: row.pausedSince !== null,
    breached: response.breached || resolution.breached,
    response,
    resolution,
  };
}
