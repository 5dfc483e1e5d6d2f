import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('the demo site\'s service levels', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => '2026-12-03T10:00:00.000Z', demoServiceLevels: true, scheduleTicks: false, escalationTicks: false });
  });
  afterAll(async () => { await gw?.stop(); });

  it('works Oslo hours with targets, escalation, planned work and a warm-room threshold to show', async () => {
    const cookie = await gw.login('hanna');

    const [calendar, targets, schedules, thresholds, categories] = await Promise.all(
      ['/api/calendar', '/api/sla/targets', '/api/schedules', '/api/thresholds', '/api/categories'].map(async (path) => (await gw.call('GET', path, { cookie })).body));

    expect(calendar).toMatchObject({ timeZone: 'Europe/Oslo', hours: { mon: [{ from: '07:00', to: '17:00' }] } });
    expect(calendar.holidays).toContain('2026-12-25');
    expect(targets.targets).toContainEqual({ category: 'cleaning', priority: 'urgent', responseMinutes: 15, resolutionMinutes: 60 });
    expect(schedules.schedules.map((s: { title: string }) => s.title)).toEqual(expect.arrayContaining(['Weekly AV check, Boardroom', 'Quarterly ventilation filter change', 'Restroom round, floor 1']));
    // The coming Monday, 08:00 Oslo.
    expect(schedules.schedules.find((s: { title: string }) => s.title.startsWith('Weekly AV')).start).toBe('2026-12-07T08:00');
    expect(thresholds.thresholds).toEqual([expect.objectContaining({ room: 'r202', measure: 'temperature', limit: 26, forMinutes: 10 })]);
    expect(categories.categories.map((c: { id: string }) => c.id)).toContain('maintenance');
    expect(gw.store.directory.category('maintenance')!.escalation).toEqual({ notify: true, raisePriority: true, reassign: true });
  });
});
