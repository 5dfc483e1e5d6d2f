import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/** The demo site as `npm start` makes it: tenants, units, installations and inquiries to look at. */
describe('the demo inquiries', () => {
  let gw: TestGateway;
  beforeAll(async () => { gw = await startTestGateway({ demoInquiries: true }); });
  afterAll(async () => { await gw.stop(); });

  it('has tenant companies with persons and units, installations in several rooms, and inquiries with a reply, a comment and a child task', async () => {
    const admin = await gw.login('admin');
    const persons = (await gw.call('GET', '/api/persons', { cookie: admin })).body.persons as Array<{ company: string | null }>;
    const units = (await gw.call('GET', '/api/units', { cookie: admin })).body.units as unknown[];
    const installations = (await gw.call('GET', '/api/installations', { cookie: admin })).body.installations as Array<{ room: string | null }>;
    const inquiries = (await gw.call('GET', '/api/tickets?kind=inquiry', { cookie: admin })).body.tickets as Array<{ id: string; history: Array<{ visibility?: string }>; notes: unknown[] }>;
    const tasks = (await gw.call('GET', '/api/tickets?kind=task', { cookie: admin })).body.tickets as Array<{ parent: string | null }>;

    expect(new Set(persons.map((p) => p.company)).size).toBeGreaterThanOrEqual(3);
    expect(units.length).toBeGreaterThanOrEqual(3);
    expect(new Set(installations.map((i) => i.room).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(inquiries.length).toBeGreaterThanOrEqual(3);
    expect(inquiries.some((t) => t.history.some((h) => h.visibility === 'reporter') && t.notes.length > 0)).toBe(true);
    expect(tasks.some((t) => inquiries.some((i) => i.id === t.parent))).toBe(true);
  });

  it('shows a live announcement on floor 1 in all four languages', () => {
    const live = gw.store.announcements.live();

    expect(live).toHaveLength(1);
    expect(Object.keys(live[0]!.title).sort()).toEqual(['en', 'nb', 'nl', 'zh']);
    expect(live[0]!.rooms).toEqual(['r101', 'r102', 'r103', 'r104', 'r105']);
  });
});
