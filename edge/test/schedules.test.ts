import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

const osloLocal = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO('Europe/Oslo').toPlainDateTime().toString({ smallestUnit: 'minute' });

describe('schedules of planned work', () => {
  let gw: TestGateway;
  let now = '2026-03-01T12:00:00.000Z';
  const said: string[] = [];
  let hanna: string;
  const weekly = {
    title: 'Weekly check of the boardroom', place: { kind: 'room', room: 'r201' }, rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '2026-03-02T08:00',
    timeZone: 'Europe/Oslo', category: 'maintenance', checklist: ['Projector lamp', 'Chairs'], leadMinutes: 60,
  };
  const create = async (body: unknown) => gw.call('POST', '/api/schedules', { cookie: hanna, body });
  const planned = async (schedule: string) => { hanna = await gw.login('hanna'); const r = await gw.call('GET', '/api/tickets?status=new', { cookie: hanna }); if (!r.body.tickets) throw new Error(JSON.stringify(r.body)); return r.body.tickets
    .filter((t: { planned?: { schedule: string } }) => t.planned?.schedule === schedule); };

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now, scheduleTicks: false, say: (line) => said.push(line) });
    hanna = await gw.login('hanna');
  });
  afterAll(async () => { await gw?.stop(); });

  it('lists a weekly 08:00 Oslo job at 08:00 local across both daylight-saving changes', async () => {
    const id = (await create(weekly)).body.id;

    const spring = await gw.call('GET', `/api/schedules/${id}/occurrences?from=2026-03-16T00:00:00Z&to=2026-04-07T00:00:00Z`, { cookie: hanna });
    const autumn = await gw.call('GET', `/api/schedules/${id}/occurrences?from=2026-10-12T00:00:00Z&to=2026-11-03T00:00:00Z`, { cookie: hanna });

    expect(spring.status).toBe(200);
    expect(spring.body.occurrences.map((o: { at: string }) => o.at)).toEqual([
      '2026-03-16T08:00:00+01:00', '2026-03-23T08:00:00+01:00', '2026-03-30T08:00:00+02:00', '2026-04-06T08:00:00+02:00',
    ]);
    expect(autumn.body.occurrences.map((o: { local: string }) => o.local)).toEqual(['2026-10-12T08:00', '2026-10-19T08:00', '2026-10-26T08:00', '2026-11-02T08:00']);
    expect(autumn.body.occurrences.map((o: { key: string }) => o.key)).toEqual(['2026-10-12T06:00:00Z', '2026-10-19T06:00:00Z', '2026-10-26T07:00:00Z', '2026-11-02T07:00:00Z']);
    await gw.call('DELETE', `/api/schedules/${id}`, { cookie: hanna });
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const before = (await gw.call('GET', '/api/schedules', { cookie: hanna })).body.schedules.length;
    const id = (await create(weekly)).body.id;

    const results = {
      zone: await create({ ...weekly, timeZone: 'Europe/Atlantis' }),
      empty: await create({ ...weekly, rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }),
      ended: await create({ ...weekly, rrule: 'FREQ=WEEKLY;UNTIL=20250101T000000Z' }),
      unreadable: await create({ ...weekly, rrule: 'FREQ=SOMETIMES' }),
      frequent: await create({ ...weekly, rrule: 'FREQ=MINUTELY' }),
      start: await create({ ...weekly, start: '2026-02-30T08:00' }),
      unbounded: await gw.call('GET', `/api/schedules/${id}/occurrences?from=2026-03-01T00:00:00Z`, { cookie: hanna }),
      room: await create({ ...weekly, place: { kind: 'zone', zone: 'Nowhere' } }),
    };

    expect(Object.fromEntries(Object.entries(results).map(([k, r]) => [k, [r.status, r.body.error]]))).toEqual({
      zone: [400, 'UNKNOWN_TIME_ZONE'], empty: [400, 'RRULE_EMPTY'], ended: [400, 'RRULE_EMPTY'], unreadable: [400, 'BAD_RRULE'],
      frequent: [400, 'RRULE_TOO_FREQUENT'], start: [400, 'BAD_START'], unbounded: [400, 'RRULE_UNBOUNDED'], room: [400, 'UNKNOWN_ZONE'],
    });
    expect((await gw.call('GET', '/api/schedules', { cookie: hanna })).body.schedules.length).toBe(before + 1);
    await gw.call('DELETE', `/api/schedules/${id}`, { cookie: hanna });
  });

  it('leaves keeping schedules to supervisors and the facility head', async () => {
    const ana = await gw.login('ana');

    const res = await gw.call('POST', '/api/schedules', { cookie: ana, body: weekly });
    const list = await gw.call('GET', '/api/schedules', { cookie: ana });

    expect(res.status).toBe(403);
    expect(list.status).toBe(200);
  });

  it('makes each occurrence\'s ticket once, lead time ahead, whether run twice, after a restart or after a week off', async () => {
    now = '2026-03-01T12:00:00.000Z';
    const id = (await create(weekly)).body.id;
    const ticks: number[] = [];

    now = '2026-03-02T06:30:00.000Z'; // 07:30 in Oslo: within the hour of lead time
    ticks.push((await gw.schedules.tick()).made.length, (await gw.schedules.tick()).made.length);
    const first = await planned(id);
    await gw.close();
    gw = { ...gw, ...(await startTestGateway({ dataDir: gw.dir, clock: () => now, scheduleTicks: false, say: (line) => said.push(line) })) } as TestGateway;
    hanna = await gw.login('hanna');
    ticks.push((await gw.schedules.tick()).made.length);
    now = '2026-03-24T12:00:00.000Z'; // off over three Mondays
    ticks.push((await gw.schedules.tick()).made.length, (await gw.schedules.tick()).made.length);
    const all = await planned(id);

    expect(ticks).toEqual([1, 0, 0, 3, 0]);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ room: 'r201', team: 'maintenance', kind: 'task', title: weekly.title, planned: { schedule: id, occurrence: '2026-03-02T07:00:00Z' } });
    expect(first[0].checklist.map((c: { id: string; text: string; done: boolean }) => [c.id, c.text, c.done])).toEqual([['c1', 'Projector lamp', false], ['c2', 'Chairs', false]]);
    expect(all.map((t: { visitAt: string }) => osloLocal(t.visitAt)).sort()).toEqual(['2026-03-02T08:00', '2026-03-09T08:00', '2026-03-16T08:00', '2026-03-23T08:00']);
    const listing = await gw.call('GET', `/api/schedules/${id}/occurrences?from=2026-03-02T00:00:00Z&to=2026-03-31T00:00:00Z`, { cookie: hanna });
    expect(listing.body.occurrences.map((o: { ticket: string | null }) => o.ticket !== null)).toEqual([true, true, true, true, false]);
    await gw.call('DELETE', `/api/schedules/${id}`, { cookie: hanna });
  });

  it('keeps the ticket at 08:00 Oslo time through both daylight-saving changes, tick by tick', async () => {
    now = '2026-03-20T00:00:00.000Z';
    const id = (await create({ ...weekly, rrule: 'FREQ=WEEKLY;BYDAY=MO', leadMinutes: 0 })).body.id;
    const made: string[] = [];

    for (const monday of ['2026-03-23', '2026-03-30', '2026-10-19', '2026-10-26']) {
      const at = Temporal.PlainDateTime.from(`${monday}T08:00`).toZonedDateTime('Europe/Oslo').toInstant();
      now = at.subtract({ minutes: 1 }).toString();
      made.push(`${(await gw.schedules.tick()).made.length}`);
      now = at.toString();
      made.push(`${(await gw.schedules.tick()).made.length}`);
      if (monday === '2026-03-30') {
        // Catch-up is capped: jump ahead with no run between, then only the latest are made.
        now = '2026-10-18T00:00:00.000Z';
        await gw.schedules.tick();
      }
    }
    const tickets = await planned(id);

    expect(made).toEqual(['0', '1', '0', '1', '0', '1', '0', '1']);
    expect(tickets.map((t: { visitAt: string }) => osloLocal(t.visitAt)).slice(-2).sort()).toEqual(['2026-10-19T08:00', '2026-10-26T08:00']);
    expect(new Set(tickets.map((t: { visitAt: string }) => osloLocal(t.visitAt).slice(11)))).toEqual(new Set(['08:00']));
    expect(tickets).toHaveLength(2 + 10 + 2);
    expect(said.some((line) => line.includes(id) && /left out/.test(line))).toBe(true);
    const capped = gw.store.db.prepare("SELECT state FROM events WHERE type = 'schedule-catch-up-capped' AND entity = ?").all(`schedule:${id}`) as { state: string }[];
    // Mondays from 6 April to 12 October: 28 missed, the latest 10 made.
    expect(capped.map((e) => JSON.parse(e.state))).toEqual([{ schedule: id, dropped: 18, first: '2026-04-06T06:00:00Z', last: '2026-08-03T06:00:00Z' }]);
  });

  it('moves an occurrence on a holiday to the next working day, or skips it, as the schedule says', async () => {
    const hours = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '08:00', to: '16:00' }]]));
    const set = await gw.call('PUT', '/api/calendar', { cookie: hanna, body: { timeZone: 'Europe/Oslo', hours, holidays: ['2026-05-25'] } });
    const moved = (await create({ ...weekly, start: '2026-05-18T08:00' })).body.id;
    const skipped = (await create({ ...weekly, start: '2026-05-18T08:00', holidays: 'skip' })).body.id;
    const window = '?from=2026-05-18T00:00:00Z&to=2026-06-02T00:00:00Z';

    const a = await gw.call('GET', `/api/schedules/${moved}/occurrences${window}`, { cookie: hanna });
    const b = await gw.call('GET', `/api/schedules/${skipped}/occurrences${window}`, { cookie: hanna });

    expect(set.status).toBe(200);
    expect(a.body.occurrences.map((o: { local: string; moved: boolean }) => [o.local, o.moved])).toEqual([['2026-05-18T08:00', false], ['2026-05-26T08:00', true], ['2026-06-01T08:00', false]]);
    expect(b.body.occurrences.map((o: { local: string }) => o.local)).toEqual(['2026-05-18T08:00', '2026-06-01T08:00']);
    await gw.call('DELETE', `/api/schedules/${moved}`, { cookie: hanna });
    await gw.call('DELETE', `/api/schedules/${skipped}`, { cookie: hanna });
  });
});
