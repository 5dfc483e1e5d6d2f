import { describe, expect, it } from 'vitest';
import { type Candidate, type Job, rank } from './ranking.ts';

const person = (user: string, over: Partial<Candidate> = {}): Candidate => ({
  user, name: user.toUpperCase(), onDuty: true, skills: [], open: 0, working: [], visits: [], ...over,
});
const job = (over: Partial<Job> = {}): Job => ({ category: 'plumbing', place: { floor: 2, zone: 'North' }, ...over });
const order = (j: Job, people: Candidate[]) => rank(j, people).map((s) => s.user);

describe('ranking who should take a job', () => {
  it.each<[string, Job, Candidate[], string[]]>([
    ['fewer open tickets first', job(), [person('a', { open: 3 }), person('b', { open: 1 }), person('c', { open: 2 })], ['b', 'c', 'a']],
    ['off-duty people are left out', job(), [person('a', { onDuty: false }), person('b', { open: 4 })], ['b']],
    ['people whose skills do not include the category are left out', job(), [person('a', { skills: ['electrical'] }), person('b', { skills: ['plumbing'], open: 2 })], ['b']],
    ['no skills listed means any category', job(), [person('a', { skills: [] })], ['a']],
    ['a job under way on the same floor lifts a person', job(), [person('a'), person('b', { open: 1, working: [{ floor: 2, zone: 'South' }] })], ['b', 'a']],
    ['the same zone lifts a person further', job(), [person('a', { open: 1, working: [{ floor: 2, zone: 'South' }] }), person('b', { open: 1, working: [{ floor: 2, zone: 'North' }] })], ['b', 'a']],
    ['a zone of the same name on another floor counts only as zone', job(), [person('a', { open: 1, working: [{ floor: 3, zone: 'North' }] }), person('b', { open: 1, working: [{ floor: 2, zone: 'South' }] })], ['b', 'a']],
    ['a clashing booked visit pushes a person down', job({ visitAt: '2026-12-07T10:00:00Z' }),
      [person('a', { visits: [{ ticket: 'T-1', at: '2026-12-07T10:30:00Z' }] }), person('b', { open: 2 })], ['b', 'a']],
    ['a visit an hour or more apart does not clash', job({ visitAt: '2026-12-07T10:00:00Z' }),
      [person('a', { visits: [{ ticket: 'T-1', at: '2026-12-07T11:00:00Z' }] }), person('b', { open: 2 })], ['a', 'b']],
    ['equal scores go by name', job(), [person('zed'), person('amy')], ['amy', 'zed']],
    ['nobody on duty: nobody suggested', job(), [person('a', { onDuty: false })], []],
  ])('%s', (_what, j, people, expected) => {
    expect(order(j, people)).toEqual(expected);
  });

  it('gives its reasons as codes with parameters', () => {
    const [top] = rank(job({ visitAt: '2026-12-07T10:00:00Z' }), [
      person('a', { skills: ['plumbing'], open: 2, working: [{ floor: 2, zone: 'North' }], visits: [{ ticket: 'T-9', at: '2026-12-07T09:30:00Z' }] }),
    ]);

    expect(top!.reasons).toEqual([
      { code: 'LOAD', params: { open: 2 } },
      { code: 'SKILL', params: { category: 'plumbing' } },
      { code: 'SAME_FLOOR', params: { floor: 2 } },
      { code: 'SAME_ZONE', params: { zone: 'North' } },
      { code: 'CLASH', params: { at: '2026-12-07T09:30:00Z', ticket: 'T-9' } },
    ]);
    expect(top!.score).toBe(100 - 20 + 15 + 10 - 40);
  });
});
