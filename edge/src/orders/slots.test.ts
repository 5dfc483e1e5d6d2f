import { describe, expect, it } from 'vitest';
import type { SlotSchedule } from '../contracts/index.ts';
import { bookingOpen, slotAt, slotsBetween } from './slots.ts';

const oslo: SlotSchedule = {
  timeZone: 'Europe/Oslo',
  rules: [{ weekdays: [1, 2, 3, 4, 5], times: ['09:00', '13:00'], capacity: 3 }, { weekdays: [6], times: ['10:00'], capacity: 1 }],
  closed: [{ date: '2026-12-25', reason: 'Christmas' }],
  leadMinutes: 60,
};

describe('bookable slots from a weekly schedule', () => {
  it('offers each rule\'s times on its weekdays, in the schedule\'s time zone', () => {
    // Monday 7 December to Sunday 13 December 2026 (Oslo is UTC+1 in winter).
    const slots = slotsBetween(oslo, 90, '2026-12-07T00:00:00+01:00', '2026-12-14T00:00:00+01:00');

    expect(slots).toHaveLength(11);
    expect(slots[0]).toEqual({ start: '2026-12-07T08:00:00Z', end: '2026-12-07T09:30:00Z', capacity: 3 });
    expect(slots.at(-1)).toEqual({ start: '2026-12-12T09:00:00Z', end: '2026-12-12T10:30:00Z', capacity: 1 });
  });

  it('offers nothing on a closed day', () => {
    const slots = slotsBetween(oslo, 60, '2026-12-25T00:00:00+01:00', '2026-12-26T00:00:00+01:00');

    expect(slots).toEqual([]);
  });

  it('keeps 09:00 local across the change to summer time', () => {
    // Oslo moves to UTC+2 on Sunday 29 March 2026.
    const before = slotAt(oslo, 60, '2026-03-27T08:00:00Z');
    const after = slotAt(oslo, 60, '2026-03-30T07:00:00Z');

    expect(before?.capacity).toBe(3);
    expect(after?.capacity).toBe(3);
    expect(slotAt(oslo, 60, '2026-03-30T08:00:00Z')).toBeUndefined();
  });

  it('knows a time that is not one of the slots', () => {
    expect(slotAt(oslo, 60, '2026-12-07T08:30:00Z')).toBeUndefined();
    expect(slotAt(oslo, 60, '2026-12-07T08:00:00.000+00:00')?.start).toBe('2026-12-07T08:00:00Z');
  });

  it('closes booking the lead time before the visit', () => {
    const slot = slotAt(oslo, 60, '2026-12-07T08:00:00Z')!;

    expect(bookingOpen(oslo, slot, '2026-12-07T06:59:59Z')).toBe(true);
    expect(bookingOpen(oslo, slot, '2026-12-07T07:00:00Z')).toBe(false);
  });

  it('refuses a window that ends before it starts or is too long', () => {
    expect(() => slotsBetween(oslo, 60, '2026-12-08T00:00:00Z', '2026-12-07T00:00:00Z')).toThrow(/ends after it starts/);
    expect(() => slotsBetween(oslo, 60, '2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')).toThrow(/62 days/);
  });
});
