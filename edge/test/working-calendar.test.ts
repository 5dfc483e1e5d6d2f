import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const osloHours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));
const holidayFile = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Doorside//test//EN',
  'BEGIN:VEVENT', 'UID:christmas', 'DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Jul', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

describe('the site\'s working-hours calendar', () => {
  let gw: TestGateway;
  let hanna: string;
  let ana: string;

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => '2026-11-20T09:00:00.000Z' });
    hanna = await gw.login('hanna');
    ana = await gw.login('ana');
  });
  afterAll(async () => { await gw?.stop(); });

  it('keeps the calendar the facility head sets, holiday file and all, and logs it', async () => {
    const calendar = { timeZone: 'Europe/Oslo', hours: osloHours, holidays: ['2026-05-17'], holidayCalendar: holidayFile };

    const res = await gw.call('PUT', '/api/calendar', { cookie: hanna, body: calendar });

    expect(res.status).toBe(200);
    expect((await gw.call('GET', '/api/calendar', { cookie: ana })).body).toEqual(calendar);
    expect(gw.store.log.head.seq).toBeGreaterThan(0);
  });

  it('refuses the calendar to staff', async () => {
    const res = await gw.call('PUT', '/api/calendar', { cookie: ana, body: { timeZone: 'Europe/Oslo', hours: osloHours } });

    expect(res.status).toBe(403);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons', hours: osloHours }, 'INVALID_TIME_ZONE'],
    ['overlapping hours', { timeZone: 'Europe/Oslo', hours: { mon: [{ from: '08:00', to: '12:00' }, { from: '09:00', to: '17:00' }] } }, 'OVERLAPPING_HOURS'],
    ['a holiday file that does not parse', { timeZone: 'Europe/Oslo', hours: osloHours, holidayCalendar: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:nonsense\r\nEND:VEVENT\r\nEND:VCALENDAR' }, 'BAD_HOLIDAY_FILE'],
    ['a time that is no time', { timeZone: 'Europe/Oslo', hours: { mon: [{ from: '8 am', to: '16:00' }] } }, 'INVALID'],
  ])('answers %s with 400 and its code, and changes nothing', async (_name, body, code) => {
    const before = (await gw.call('GET', '/api/calendar', { cookie: hanna })).body;

    const res = await gw.call('PUT', '/api/calendar', { cookie: hanna, body });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe(code);
    expect((await gw.call('GET', '/api/calendar', { cookie: hanna })).body).toEqual(before);
  });
});
