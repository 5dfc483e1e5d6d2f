import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/** The directory over HTTP: who may read and keep it, bad input, and an installation's history. */
describe('persons, units and installations', () => {
  let gw: TestGateway;
  let staff: string;
  let supervisor: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    staff = await gw.login('ana');
    supervisor = await gw.login('sofia');
  });
  afterAll(async () => { await gw.stop(); });

  it('lets a supervisor create and change a person, staff read them, and refuses the anonymous', async () => {
    const made = await gw.call('POST', '/api/persons', { cookie: supervisor, body: { name: 'Lena Brandt', company: 'Nordlys AS', email: 'lena@nordlys.example', language: 'nb', notifyByEmail: true } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Lena Brandt', company: 'Nordlys AS', language: 'nb', notifyByEmail: true, phone: null });
    expect(made.body.id).toMatch(/^P-/);

    const changed = await gw.call('PATCH', `/api/persons/${made.body.id}`, { cookie: supervisor, body: { phone: '+47 22 33 44 55' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Lena Brandt', phone: '+47 22 33 44 55' });

    const read = await gw.call('GET', '/api/persons', { cookie: staff });
    expect(read.status).toBe(200);
    expect(read.body.persons.map((p: { id: string }) => p.id)).toContain(made.body.id);

    expect((await gw.call('POST', '/api/persons', { cookie: staff, body: { name: 'Not Allowed' } })).body.error).toBe('NOT_PERMITTED');
    expect((await gw.call('PATCH', `/api/persons/${made.body.id}`, { cookie: staff, body: { name: 'X' } })).status).toBe(403);
    expect((await gw.call('GET', '/api/persons')).status).toBe(401);
    expect((await gw.call('POST', '/api/persons', { body: { name: 'Anon' } })).status).toBe(401);
  });

  it('answers bad input with 400 and a reason, never 500', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/api/persons', { name: '' }, 'INVALID'],
      ['POST', '/api/persons', { name: 'A', email: 'not-mail' }, 'INVALID'],
      ['POST', '/api/persons', { name: 'A', language: 'de' }, 'INVALID'],
      ['POST', '/api/persons', { name: 'A', notifyByEmail: true }, 'EMAIL_REQUIRED'],
      ['POST', '/api/persons', { name: 'A', extra: 1 }, 'INVALID'],
      ['POST', '/api/units', { name: 'Floor 2 west', rooms: ['nowhere'] }, 'UNKNOWN_ROOM'],
      ['POST', '/api/units', { name: 'Floor 2 west', rooms: 'r201' }, 'INVALID'],
      ['POST', '/api/installations', { kind: 'lift', name: 'Lift A' }, 'INVALID'],
      ['POST', '/api/installations', { kind: 'rocket', name: 'Lift A', floor: 1 }, 'INVALID'],
      ['POST', '/api/installations', { kind: 'lift', name: 'Lift A', room: 'r999' }, 'UNKNOWN_ROOM'],
      ['PATCH', '/api/persons/nope', { name: 'X' }, 'INVALID'],
    ];
    for (const [method, path, body, code] of cases) {
      const res = await gw.call(method, path, { cookie: supervisor, body });
      expect({ path, body, status: res.status, error: res.body.error }).toEqual({ path, body, status: 400, error: code });
      expect(res.body.message.length).toBeGreaterThan(0);
    }
    expect((await gw.call('PATCH', '/api/units/U-missing1', { cookie: supervisor, body: { name: 'X' } })).status).toBe(404);
  });

  it('keeps units and installations, and shows an installation\'s history: its tickets, who worked them, what was rejected and why', async () => {
    const unit = await gw.call('POST', '/api/units', { cookie: supervisor, body: { name: 'Nordlys, floor 2', rooms: ['r201', 'r202'], floor: 2, company: 'Nordlys AS' } });
    expect(unit.status).toBe(201);
    expect((await gw.call('PATCH', `/api/units/${unit.body.id}`, { cookie: supervisor, body: { rooms: ['r201'] } })).body.rooms).toEqual(['r201']);
    expect((await gw.call('GET', '/api/units', { cookie: staff })).body.units).toHaveLength(1);

    const lift = await gw.call('POST', '/api/installations', { cookie: supervisor, body: { kind: 'lift', name: 'Lift A', room: 'r101', make: 'KONE', serial: 'K-99812' } });
    expect(lift.status).toBe(201);
    const task = await gw.call('POST', '/api/tickets', { cookie: supervisor, body: { kind: 'task', category: 'cleaning', room: 'r101', description: 'Lift car floor is dirty' } });
    const id = task.body.id;
    expect((await gw.call('POST', `/api/tickets/${id}/links`, { cookie: staff, body: { installation: lift.body.id, unit: unit.body.id } })).status).toBe(200);
    await gw.call('POST', `/api/tickets/${id}/claim`, { cookie: staff });
    await gw.call('POST', `/api/tickets/${id}/start`, { cookie: staff });
    await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: staff });
    expect((await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: supervisor, body: { reason: 'Not cleaned', notes: 'Corner by the buttons' } })).status).toBe(200);

    const history = await gw.call('GET', `/api/installations/${lift.body.id}/history`, { cookie: supervisor });
    expect(history.status).toBe(200);
    expect(history.body.installation.serial).toBe('K-99812');
    expect(history.body.tickets).toHaveLength(1);
    expect(history.body.tickets[0]).toMatchObject({ id, workedBy: ['ana'], rejections: [{ by: 'user:sofia', reason: 'Not cleaned', notes: 'Corner by the buttons' }] });
    const ticket = await gw.call('GET', `/api/tickets/${id}`, { cookie: staff });
    expect(ticket.body.links).toEqual({ persons: [], unit: unit.body.id, installation: lift.body.id });

    expect((await gw.call('GET', `/api/installations/${lift.body.id}/history`)).status).toBe(401);
    expect((await gw.call('GET', '/api/installations/I-missing1/history', { cookie: staff })).status).toBe(404);
  });

  it('keeps the unit a person belongs to and refuses a unit that does not exist', async () => {
    const unit = (await gw.call('POST', '/api/units', { cookie: supervisor, body: { name: 'Tulp, east wing', rooms: ['r102'] } })).body.id as string;

    const made = await gw.call('POST', '/api/persons', { cookie: supervisor, body: { name: 'Pieter', unit } });
    const moved = await gw.call('PATCH', `/api/persons/${made.body.id}`, { cookie: supervisor, body: { unit: null } });
    const unknown = await gw.call('POST', '/api/persons', { cookie: supervisor, body: { name: 'Nobody', unit: 'U-missing1' } });
    const plain = await gw.call('POST', '/api/persons', { cookie: supervisor, body: { name: 'No Unit' } });

    expect(made.body.unit).toBe(unit);
    expect(moved.body.unit).toBeNull();
    expect(plain.body.unit).toBeNull();
    expect([unknown.status, unknown.body.error]).toEqual([400, 'UNKNOWN_UNIT']);
  });
});
