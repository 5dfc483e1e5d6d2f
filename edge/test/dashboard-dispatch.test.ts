import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

describe('dispatch from the facility dashboard', () => {
  let gw: TestGateway;
  let now = '2026-11-20T09:00:00.000Z';
  let hanna: string;

  const report = async (room: string, category: string) => {
    const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
    const res = await gw.call('POST', url.pathname + url.search, { body: { category, description: `${category} problem in ${room}` } });
    return res.body.ticket.id as string;
  };

  beforeAll(async () => {
    gw = await startTestGateway({ clock: () => now });
    hanna = await gw.login('hanna');
  });
  afterAll(async () => { await gw?.stop(); });

  it('puts a ticket into another team\'s queue, where a member of that team claims it', async () => {
    const id = await report('r102', 'supplies');

    const res = await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { team: 'cleaning' } });
    const claim = await gw.call('POST', `/api/tickets/${id}/claim`, { cookie: await gw.login('ben') });

    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ team: 'cleaning', assignee: null, status: 'new' });
    expect(claim.status).toBe(200);
    expect(claim.body.ticket).toMatchObject({ team: 'cleaning', assignee: 'ben', status: 'assigned' });
  });

  it('moves a ticket to a team and gives it to a member in one step', async () => {
    const id = await report('r103', 'supplies');

    const res = await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { team: 'av', assignee: 'chen', note: 'projector cart' } });

    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ team: 'av', assignee: 'chen', status: 'assigned' });
    expect((await gw.call('GET', `/api/tickets/${id}`, { cookie: hanna })).body.team).toBe('av');
  });

  it.each([
    ['an unknown team', { team: 'plumbing' }, 'UNKNOWN_TEAM'],
    ['a person outside the team named', { team: 'av', assignee: 'ana' }, 'ASSIGNEE_NOT_ELIGIBLE'],
    ['nobody at all', {}, 'INVALID'],
    ['a team and an unknown field', { team: 'av', when: 'now' }, 'INVALID'],
  ])('refuses an assign to %s with 400', async (_what, body, error) => {
    const id = await report('r104', 'supplies');

    const res = await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body });

    expect(res.status).toBe(400);
    expect(res.body.error).toBe(error);
    expect((await gw.call('GET', `/api/tickets/${id}`, { cookie: hanna })).body).toMatchObject({ team: 'facility', status: 'new' });
  });

  it('lists the teams and who may work for which team', async () => {
    const res = await gw.call('GET', '/api/assignees', { cookie: hanna });

    expect(res.status).toBe(200);
    expect(res.body.teams.map((t: { id: string }) => t.id).sort()).toEqual(['av', 'cleaning', 'facility', 'maintenance', 'security']);
    const person = (id: string) => res.body.people.find((p: { id: string }) => p.id === id);
    expect(person('ana')).toMatchObject({ role: 'staff', teams: ['cleaning'] });
    expect(person('marco').teams).toHaveLength(5);
    expect(person('fiona')).toBeUndefined();
  });

  it('keeps the list of assignees from staff', async () => {
    const res = await gw.call('GET', '/api/assignees', { cookie: await gw.login('ana') });

    expect(res.status).toBe(403);
  });

  it('filters the ticket list by priority and by being past its due time', async () => {
    const late = await report('r201', 'security');
    now = '2026-11-20T10:30:00.000Z';

    const overdue = await gw.call('GET', '/api/tickets?overdue=true', { cookie: hanna });
    const normal = await gw.call('GET', '/api/tickets?priority=normal&overdue=false', { cookie: hanna });
    const urgent = await gw.call('GET', '/api/tickets?priority=urgent', { cookie: hanna });

    // Security tickets are due within 60 minutes, supplies within 240.
    expect(overdue.body.tickets.map((t: { id: string }) => t.id)).toEqual([late]);
    expect(normal.body.tickets.map((t: { id: string }) => t.id)).not.toContain(late);
    expect(normal.body.tickets.length).toBeGreaterThan(0);
    expect(urgent.body.tickets).toEqual([]);
  });
});
