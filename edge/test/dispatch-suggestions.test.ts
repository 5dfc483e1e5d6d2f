import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('dispatch suggestions, duty and automatic dispatch', () => {
  let gw: TestGateway;
  const now = '2026-11-20T09:00:00.000Z';
  let hanna: string;
  let sofia: string;

  const report = async (room: string, category: string) => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: `${category} problem in ${room}` } });
    expect(res.status).toBe(201);
    return res.body.ticket.id as string;
  };
  const ticket = async (id: string) => (await gw.call('GET', `/api/tickets/${id}`, { cookie: hanna })).body;
  const settle = async (id: string, until: (t: { status: string; assignee: string | null }) => boolean) => {
    for (let i = 0; i < 50; i++) {
      const t = await ticket(id);
      if (until(t)) return t;
      await new Promise((r) => setTimeout(r, 20));
    }
    return ticket(id);
  };

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now });
    hanna = await gw.login('hanna');
    sofia = await gw.login('sofia');
  });
  afterAll(async () => { await gw?.stop(); });

  it('ranks the ticket\'s team by open load and a job under way nearby, with reasons', async () => {
    // Ana holds two jobs; Ben has one under way on floor 2, where the new job is.
    for (const room of ['r101', 'r103']) {
      const id = await report(room, 'cleaning');
      expect((await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { assignee: 'ana' } })).status).toBe(200);
    }
    const bens = await report('r204', 'cleaning');
    await gw.call('POST', `/api/tickets/${bens}/assign`, { cookie: hanna, body: { assignee: 'ben' } });
    const ben = await gw.login('ben');
    expect((await gw.call('POST', `/api/tickets/${bens}/start`, { cookie: ben })).status).toBe(200);
    const id = await report('r203', 'cleaning');

    const res = await gw.call('GET', `/api/tickets/${id}/suggestions`, { cookie: hanna });

    expect(res.status).toBe(200);
    expect(res.body.suggestions.map((s: { user: string }) => s.user)).toEqual(['ben', 'sofia', 'ana']);
    expect(res.body.suggestions[0].reasons).toEqual([
      { code: 'LOAD', params: { open: 1 } }, { code: 'SAME_FLOOR', params: { floor: 2 } }, { code: 'SAME_ZONE', params: { zone: 'South' } },
    ]);
    expect(res.body.suggestions[2].reasons).toEqual([{ code: 'LOAD', params: { open: 2 } }]);
  });

  it('leaves off-duty people out, and one click on a suggestion assigns', async () => {
    const ben = await gw.login('ben');
    expect((await gw.call('POST', '/api/me/duty', { cookie: ben, body: { onDuty: false } })).body).toMatchObject({ user: 'ben', onDuty: false });
    expect((await gw.call('GET', '/api/me/duty', { cookie: ben })).body.onDuty).toBe(false);
    const id = await report('r205', 'cleaning');

    const res = await gw.call('GET', `/api/tickets/${id}/suggestions`, { cookie: hanna });
    const top = res.body.suggestions[0].user;
    const assign = await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { assignee: top } });

    expect(res.body.suggestions.map((s: { user: string }) => s.user)).not.toContain('ben');
    expect(res.body.offDuty).toBe(1);
    expect(assign.body.ticket).toMatchObject({ assignee: 'sofia', status: 'assigned' });
    await gw.call('POST', '/api/me/duty', { cookie: ben, body: { onDuty: true } });
  });

  it('keeps skills: people without the category\'s skill are not suggested', async () => {
    const set = await gw.call('PUT', '/api/users/ana/skills', { cookie: sofia, body: { categories: ['supplies'] } });
    const id = await report('r102', 'cleaning');

    const res = await gw.call('GET', `/api/tickets/${id}/suggestions`, { cookie: hanna });

    expect(set.status).toBe(200);
    expect(set.body).toEqual({ user: 'ana', categories: ['supplies'] });
    expect(res.body.suggestions.map((s: { user: string }) => s.user)).not.toContain('ana');
    await gw.call('PUT', '/api/users/ana/skills', { cookie: sofia, body: { categories: [] } });
  });

  it('lets a supervisor set duty for their team but not staff for someone else', async () => {
    const ana = await gw.login('ana');

    const byStaff = await gw.call('POST', '/api/users/ben/duty', { cookie: ana, body: { onDuty: false } });
    const outsideTeam = await gw.call('POST', '/api/users/dirk/duty', { cookie: sofia, body: { onDuty: false } });
    const bySupervisor = await gw.call('POST', '/api/users/ben/duty', { cookie: sofia, body: { onDuty: false } });
    const people = await gw.call('GET', '/api/dispatch/people', { cookie: hanna });

    expect(byStaff.status).toBe(403);
    expect(byStaff.body.error).toBe('NOT_YOUR_PEOPLE');
    expect(outsideTeam.status).toBe(403);
    expect(bySupervisor.status).toBe(200);
    expect(people.body.people.find((p: { id: string }) => p.id === 'ben')).toMatchObject({ onDuty: false });
    expect(people.body.people.find((p: { id: string }) => p.id === 'dirk')).toMatchObject({ onDuty: true });
    await gw.call('POST', '/api/users/ben/duty', { cookie: sofia, body: { onDuty: true } });
  });

  it('dispatches a new report of an auto-dispatch category to the top suggestion', async () => {
    const on = await gw.call('POST', '/api/categories/maintenance/auto-dispatch', { cookie: hanna, body: { autoDispatch: true } });
    const id = await report('r301', 'maintenance');

    const t = await settle(id, (x) => x.assignee !== null);

    expect(on.body.autoDispatch).toBe(true);
    expect(t).toMatchObject({ status: 'assigned' });
    expect(['dirk', 'marco']).toContain(t.assignee);
    expect(t.history.at(-1)).toMatchObject({ actor: 'system', action: 'assign' });
  });

  it('leaves the ticket in the pool when nobody of the team is on duty, and does not hand a released job back', async () => {
    const dirk = await gw.login('dirk');
    const marco = await gw.login('marco');
    await gw.call('POST', '/api/me/duty', { cookie: marco, body: { onDuty: false } });
    const first = await report('r302', 'maintenance');
    const held = await settle(first, (x) => x.assignee !== null);
    expect(held.assignee).toBe('dirk');

    const released = await gw.call('POST', `/api/tickets/${first}/release`, { cookie: dirk });
    await new Promise((r) => setTimeout(r, 200));

    expect(released.status).toBe(200);
    expect(await ticket(first)).toMatchObject({ status: 'new', assignee: null });
    await gw.call('POST', '/api/me/duty', { cookie: dirk, body: { onDuty: false } });
    const second = await report('r303', 'maintenance');
    await new Promise((r) => setTimeout(r, 200));
    expect(await ticket(second)).toMatchObject({ status: 'new', assignee: null });
    const claim = await gw.call('POST', `/api/tickets/${second}/claim`, { cookie: dirk });
    expect(claim.status).toBe(200);
  });

  it.each([
    ['an unknown ticket', 'GET', '/api/tickets/T-99999/suggestions', undefined, 404],
    ['a duty body that is not a boolean', 'POST', '/api/me/duty', { onDuty: 'yes' }, 400],
    ['an unknown category among skills', 'PUT', '/api/users/ana/skills', { categories: ['juggling'] }, 400],
    ['skills for an unknown person', 'PUT', '/api/users/nobody/skills', { categories: [] }, 404],
    ['auto dispatch for an unknown category', 'POST', '/api/categories/juggling/auto-dispatch', { autoDispatch: true }, 404],
  ])('answers %s with a clear error', async (_what, method, path, body, status) => {
    const res = await gw.call(method as 'GET', path, { cookie: hanna, ...(body ? { body } : {}) });

    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe('string');
  });

  it('refuses suggestions to staff, who do not dispatch', async () => {
    const res = await gw.call('GET', '/api/tickets/T-1001/suggestions', { cookie: await gw.login('ana') });
    expect(res.status).toBe(403);
  });
});
