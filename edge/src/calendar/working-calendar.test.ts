import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar, WorkingHours } from '../contracts/index.ts';
import { workingCalendar } from './working-calendar.ts';

const weekdays = (hours: WorkingHours[]): WorkingCalendar['hours'] =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, hours]));
const everyDay = (hours: WorkingHours[]): WorkingCalendar['hours'] =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, hours]));
const calendar = (timeZone: string, hours: WorkingCalendar['hours'], holidays: string[] = [], holidayCalendar: string | null = null) =>
  workingCalendar({ timeZone, hours, holidays, holidayCalendar });

const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Doorside//holidays//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const allDay = (uid: string, from: string, to: string, rrule?: string) =>
  ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART;VALUE=DATE:${from}`, `DTEND;VALUE=DATE:${to}`, ...(rrule ? [`RRULE:${rrule}`] : []), `SUMMARY:${uid}`, 'END:VEVENT'].join('\r\n');

const oslo = calendar('Europe/Oslo', weekdays([{ from: '08:00', to: '16:00' }]));
const osloChristmas = calendar('Europe/Oslo', weekdays([{ from: '08:00', to: '16:00' }]), [],
  ics(allDay('christmas', '20261224', '20261227'), allDay('constitution-day', '20200517', '20200518', 'FREQ=YEARLY')));
const osloRoundTheClock = calendar('Europe/Oslo', everyDay([{ from: '00:00', to: '24:00' }]));
const amsterdam = calendar('Europe/Amsterdam', weekdays([{ from: '09:00', to: '17:00' }]));
const amsterdamLunch = calendar('Europe/Amsterdam', weekdays([{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }]));
const shanghai = calendar('Asia/Shanghai', { ...weekdays([{ from: '09:00', to: '18:00' }]), sat: [{ from: '09:00', to: '12:00' }] },
  ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-05', '2026-10-06', '2026-10-07']);

const at = (iso: string) => Temporal.Instant.from(iso);
const hours = (h: number) => Temporal.Duration.from({ minutes: h * 60 });

describe('adding working time', () => {
  it.each([
    ['Oslo, within one working day', oslo, '2026-06-10T08:00:00Z', 3, '2026-06-10T11:00:00Z'],
    ['Oslo, over a weekend into the spring daylight-saving change', oslo, '2026-03-27T13:00:00Z', 4, '2026-03-30T08:00:00Z'],
    ['Oslo, over a weekend into the autumn daylight-saving change', oslo, '2026-10-23T12:00:00Z', 4, '2026-10-26T09:00:00Z'],
    ['Oslo, opened on a Sunday night', oslo, '2026-06-14T21:00:00Z', 1, '2026-06-15T07:00:00Z'],
    ['Oslo, across Christmas from an iCalendar file', osloChristmas, '2026-12-23T14:00:00Z', 8, '2026-12-28T14:00:00Z'],
    ['Oslo round the clock, the spring night has 23 hours', osloRoundTheClock, '2026-03-28T11:00:00Z', 24, '2026-03-29T11:00:00Z'],
    ['Oslo round the clock, the autumn night has 25 hours', osloRoundTheClock, '2026-10-24T10:00:00Z', 24, '2026-10-25T10:00:00Z'],
    ['Amsterdam, opened on a Saturday night', amsterdam, '2026-06-13T20:00:00Z', 1, '2026-06-15T08:00:00Z'],
    ['Amsterdam, opened before hours on a weekday', amsterdam, '2026-06-16T04:30:00Z', 0.5, '2026-06-16T07:30:00Z'],
    ['Amsterdam, the lunch hour does not count', amsterdamLunch, '2026-06-16T08:00:00Z', 3, '2026-06-16T12:00:00Z'],
    ['Amsterdam, split hours across the spring change', amsterdamLunch, '2026-03-27T15:00:00Z', 3, '2026-03-30T08:00:00Z'],
    ['Shanghai, Friday evening into the Saturday morning', shanghai, '2026-03-27T09:00:00Z', 4, '2026-03-28T04:00:00Z'],
    ['Shanghai, across the National Day holidays', shanghai, '2026-09-30T09:00:00Z', 2, '2026-10-08T02:00:00Z'],
    ['Shanghai, no daylight saving in March or October', shanghai, '2026-03-30T01:00:00Z', 9, '2026-03-30T10:00:00Z'],
  ])('%s', (_name, cal, start, h, due) => {
    const result = cal.addWorkingTime(at(start), hours(h));

    expect(result.toString()).toBe(at(due).toString());
  });

  it('takes milliseconds as well as a duration', () => {
    const result = oslo.addWorkingTime(at('2026-06-10T08:00:00Z'), 90 * 60_000);

    expect(result.toString()).toBe('2026-06-10T09:30:00Z');
  });
});

describe('working time between two instants', () => {
  it.each([
    ['Oslo, a pause spanning a weekend', oslo, '2026-06-12T13:00:00Z', '2026-06-15T07:00:00Z', 2],
    ['Oslo, Friday to Monday across the spring change', oslo, '2026-03-27T13:00:00Z', '2026-03-30T08:00:00Z', 4],
    ['Oslo, Friday to Monday across the autumn change', oslo, '2026-10-23T12:00:00Z', '2026-10-26T09:00:00Z', 4],
    ['Oslo round the clock, the spring Sunday', osloRoundTheClock, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23],
    ['Oslo round the clock, the autumn Sunday', osloRoundTheClock, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25],
    ['Oslo, Christmas counts nothing', osloChristmas, '2026-12-23T23:00:00Z', '2026-12-26T23:00:00Z', 0],
    ['Amsterdam, a whole week', amsterdam, '2026-06-15T00:00:00Z', '2026-06-22T00:00:00Z', 40],
    ['Shanghai, a whole week with its Saturday morning', shanghai, '2026-06-14T16:00:00Z', '2026-06-21T16:00:00Z', 48],
    ['Shanghai, the National Day week', shanghai, '2026-09-30T16:00:00Z', '2026-10-07T16:00:00Z', 0],
    ['nothing when the end is before the start', oslo, '2026-06-15T12:00:00Z', '2026-06-15T08:00:00Z', 0],
  ])('%s', (_name, cal, a, b, h) => {
    const result = cal.workingTimeBetween(at(a), at(b));

    expect(result.total({ unit: 'hours' })).toBe(h);
  });
});

describe('days and hours', () => {
  it('reads a yearly holiday from the iCalendar file in later years', () => {
    expect(osloChristmas.isHoliday('2031-05-17')).toBe(true);
    expect(osloChristmas.isWorkingDay('2027-05-17')).toBe(false);
    expect(osloChristmas.isWorkingDay('2027-05-18')).toBe(true);
  });

  it('names the next working day after a holiday weekend', () => {
    expect(osloChristmas.nextWorkingDay('2026-12-24').toString()).toBe('2026-12-28');
  });

  it('says whether an instant lies in working hours, in local time', () => {
    expect(oslo.isWorkingTime(at('2026-06-15T06:30:00Z'))).toBe(true);
    expect(oslo.isWorkingTime(at('2026-06-15T14:30:00Z'))).toBe(false);
    expect(oslo.nextWorkingStart(at('2026-06-15T14:30:00Z')).toString()).toBe('2026-06-16T06:00:00Z');
  });
});

describe('a calendar it refuses', () => {
  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis', hours: weekdays([{ from: '08:00', to: '16:00' }]) }, 'INVALID_TIME_ZONE'],
    ['hours that overlap', { timeZone: 'Europe/Oslo', hours: { mon: [{ from: '08:00', to: '12:00' }, { from: '11:30', to: '16:00' }] } }, 'OVERLAPPING_HOURS'],
    ['hours that end before they start', { timeZone: 'Europe/Oslo', hours: { mon: [{ from: '16:00', to: '08:00' }] } }, 'BAD_WORKING_HOURS'],
    ['no hours at all', { timeZone: 'Europe/Oslo', hours: {} }, 'NO_WORKING_HOURS'],
    ['a holiday file that does not parse', { timeZone: 'Europe/Oslo', hours: weekdays([{ from: '08:00', to: '16:00' }]), holidayCalendar: 'Christmas: 24-26 December' }, 'BAD_HOLIDAY_FILE'],
    ['a holiday file with a broken date', { timeZone: 'Europe/Oslo', hours: weekdays([{ from: '08:00', to: '16:00' }]), holidayCalendar: ics('BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:2026XX24\r\nEND:VEVENT') }, 'BAD_HOLIDAY_FILE'],
  ])('%s', (_name, definition, code) => {
    const act = () => workingCalendar({ holidays: [], holidayCalendar: null, ...definition });

    expect(act).toThrow(expect.objectContaining({ code, status: 400 }));
  });
});
