import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/working-calendar.ts';
import { TicketStatus, type WaitReason } from '../contracts/index.ts';
import { advanceSla, type Moment, slaView, startSla } from './sla-clock.ts';
import { replaySla } from './sla-replay.ts';

const oslo = workingCalendar({
  timeZone: 'Europe/Oslo',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '16:00' }]])),
  holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
  holidayCalendar: null,
});
const pausing: WaitReason[] = ['tenant', 'vendor', 'visit'];
const hour = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('service-level clocks', () => {
  it('counts a pause over a weekend out of the resolution target', () => {
    const targets = { responseMs: 2 * hour, resolutionMs: 8 * hour };
    const opened: Moment = { at: at('2026-06-12T08:00:00Z'), status: 'new', waiting: null, responded: false };
    const moments: Moment[] = [
      { at: at('2026-06-12T08:30:00Z'), status: 'assigned', waiting: null, responded: true },
      { at: at('2026-06-12T12:00:00Z'), status: 'assigned', waiting: 'tenant', responded: true },
      { at: at('2026-06-15T08:00:00Z'), status: 'in_progress', waiting: null, responded: true },
    ];

    const row = moments.reduce((r, m) => advanceSla(r, m, pausing, oslo), startSla(opened, targets, pausing, oslo));

    // Friday 10:00–12:00 and 13:00–14:00 Oslo worked (3 h); paused 14:00 Friday to 10:00 Monday: 2 h on Friday, 2 h on Monday.
    expect(row.pausedMs).toBe(4 * hour);
    expect(row.response.metMs).toBe(at('2026-06-12T08:30:00Z'));
    expect(new Date(row.resolution.dueMs!).toISOString()).toBe('2026-06-15T14:00:00.000Z');
  });

  it('reads a running clock past its due time as breached at that time', () => {
    const opened: Moment = { at: at('2026-06-15T06:00:00Z'), status: 'new', waiting: null, responded: false };
    const row = startSla(opened, { responseMs: hour, resolutionMs: 4 * hour }, pausing, oslo);

    const view = slaView(row, at('2026-06-15T08:00:00Z'), oslo);

    expect(view.response).toMatchObject({ breached: true, breachedAt: '2026-06-15T07:00:00.000Z', leftMs: -hour });
    expect(view.resolution).toMatchObject({ breached: false, dueAt: '2026-06-15T10:00:00.000Z' });
  });

  it('keeps the same figures change by change as worked out afresh from the whole history, for 10,000 random histories', () => {
    const step = fc.record({
      gapMs: fc.integer({ min: 0, max: 4 * 24 * hour }),
      status: fc.constantFrom(...TicketStatus.options.filter((s) => s !== 'verified' && s !== 'cancelled')),
      waiting: fc.constantFrom<(WaitReason | null)[]>(null, null, 'tenant', 'vendor', 'visit'),
      responds: fc.boolean(),
    });
    const history = fc.record({
      openedAt: fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') }),
      responseMs: fc.integer({ min: 1, max: 16 * hour }),
      resolutionMs: fc.integer({ min: 1, max: 80 * hour }),
      pausing: fc.subarray<WaitReason>(['tenant', 'vendor', 'visit']),
      steps: fc.array(step, { maxLength: 10 }),
      end: fc.constantFrom<(TicketStatus | null)[]>(null, 'verified', 'cancelled'),
    });

    fc.assert(fc.property(history, (h) => {
      const moments: Moment[] = [{ at: h.openedAt, status: 'new', waiting: null, responded: false }];
      for (const s of h.steps) {
        const last = moments.at(-1)!;
        moments.push({ at: last.at + s.gapMs, status: s.status, waiting: s.waiting, responded: last.responded || s.responds || s.status !== 'new' });
      }
      if (h.end) moments.push({ ...moments.at(-1)!, at: moments.at(-1)!.at + hour, status: h.end, waiting: null });
      const targets = { responseMs: h.responseMs, resolutionMs: h.resolutionMs };

      const kept = moments.slice(1).reduce((r, m) => advanceSla(r, m, h.pausing, oslo), startSla(moments[0]!, targets, h.pausing, oslo));
      const afresh = replaySla(moments, targets, h.pausing, oslo);

      expect(kept).toEqual(afresh);
    }), { numRuns: 10_000, seed: 20261206 });
  });
});
