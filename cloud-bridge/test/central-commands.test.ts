import { describe, expect, it } from 'vitest';
import { backends, call, centralHarness, signIn } from './support/central-harness.ts';

describe.each(backends)('commands held for a site ($name)', ({ name, skip }) => {
  const harness = centralHarness(name);
  const setup = async () => {
    const central = await harness.start();
    const north = await central.addSite('north');
    const south = await central.addSite('south');
    return { central, key: north.siteKey, southKey: south.siteKey };
  };

  it.skipIf(skip)('hands a site its pending commands, oldest first, and no other site\'s', async () => {
    const { central, key } = await setup();
    const first = await central.enqueueCommand('north', { type: 'reassign', ticket: 'T-1001', assignee: 'dirk' });
    const second = await central.enqueueCommand('north', { type: 'set-room-status', room: 'r101', status: 'do_not_use', reason: 'Water leak', by: 'hanna' });
    await central.enqueueCommand('south', { type: 'vendor-accepted', ticket: 'T-7', vendor: 'liftco' });

    const answer = await call(central, 'GET', '/api/sites/north/commands', { key });

    expect(answer.status).toBe(200);
    expect(answer.body.commands).toEqual([
      { id: first, type: 'reassign', by: 'central', ticket: 'T-1001', assignee: 'dirk' },
      { id: second, type: 'set-room-status', by: 'hanna', room: 'r101', status: 'do_not_use', reason: 'Water leak' },
    ]);
  });

  it.skipIf(skip)('records an applied result once and answers the same result again with 200', async () => {
    const { central, key } = await setup();
    const id = await central.enqueueCommand('north', { type: 'reassign', ticket: 'T-1001', assignee: 'dirk' });

    const first = await call(central, 'POST', `/api/sites/north/commands/${id}/result`, { key, body: { outcome: 'applied', seq: 42 } });
    const again = await call(central, 'POST', `/api/sites/north/commands/${id}/result`, { key, body: { outcome: 'applied', seq: 42 } });

    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id, state: 'applied', reason: null, seq: 42 });
    expect(await central.commandState(id)).toEqual({ state: 'applied', reason: null, seq: 42 });
    expect((await call(central, 'GET', '/api/sites/north/commands', { key })).body.commands).toEqual([]);
  });

  it.skipIf(skip)('refuses a different answer after one was recorded with 409', async () => {
    const { central, key } = await setup();
    const id = await central.enqueueCommand('north', { type: 'vendor-accepted', ticket: 'T-1001', vendor: 'liftco' });
    await call(central, 'POST', `/api/sites/north/commands/${id}/result`, { key, body: { outcome: 'refused', reason: 'ticket T-1001 is closed' } });

    const changed = await call(central, 'POST', `/api/sites/north/commands/${id}/result`, { key, body: { outcome: 'applied', seq: 9 } });

    expect(changed.status).toBe(409);
    expect(changed.body.error).toBe('RESULT_ALREADY_RECORDED');
    expect(await central.commandState(id)).toEqual({ state: 'refused', reason: 'ticket T-1001 is closed', seq: null });
  });

  it.skipIf(skip)('answers 404 to a result for another site\'s command and leaves it pending', async () => {
    const { central, southKey } = await setup();
    const id = await central.enqueueCommand('north', { type: 'reassign', ticket: 'T-1001', assignee: null });

    const answer = await call(central, 'POST', `/api/sites/south/commands/${id}/result`, { key: southKey, body: { outcome: 'applied' } });

    expect(answer.status).toBe(404);
    expect((await central.commandState(id)).state).toBe('pending');
  });

  it.skipIf(skip)('answers 400 to a malformed result and 401 without the site key, recording nothing', async () => {
    const { central, key } = await setup();
    const id = await central.enqueueCommand('north', { type: 'reassign', ticket: 'T-1001', assignee: 'dirk' });

    const bad = await call(central, 'POST', `/api/sites/north/commands/${id}/result`, { key, body: { outcome: 'maybe' } });
    const anonymous = await call(central, 'POST', `/api/sites/north/commands/${id}/result`, { body: { outcome: 'applied' } });

    expect([bad.status, anonymous.status]).toEqual([400, 401]);
    expect((await central.commandState(id)).state).toBe('pending');
  });

  it.skipIf(skip)('lets head office create a command, validated, signed with who asked', async () => {
    const { central, key } = await setup();
    await central.addUser('olga', 'correct horse battery', 'head_office');
    const cookie = await signIn(central, 'olga', 'correct horse battery');

    const created = await call(central, 'POST', '/api/sites/north/commands', { cookie, body: { type: 'set-room-status', room: 'r204', status: 'available' } });
    const invalid = await call(central, 'POST', '/api/sites/north/commands', { cookie, body: { type: 'set-room-status', room: 'r204', status: 'in_service' } });
    const withId = await call(central, 'POST', '/api/sites/north/commands', { cookie, body: { type: 'reassign', ticket: 'T-1', assignee: 'x', id: crypto.randomUUID() } });

    expect(created.status).toBe(200);
    expect(created.body).toEqual({ id: expect.any(String), state: 'pending', reason: null, seq: null });
    expect([invalid.status, withId.status]).toEqual([400, 400]);
    const pending = (await call(central, 'GET', '/api/sites/north/commands', { key })).body.commands;
    expect(pending).toEqual([{ id: created.body.id, type: 'set-room-status', by: 'central:olga', room: 'r204', status: 'available' }]);
    expect((await call(central, 'GET', `/api/commands/${created.body.id}`, { cookie })).body.state).toBe('pending');
  });

  it.skipIf(skip)('refuses a command for an unknown site', async () => {
    const { central } = await setup();

    const act = central.enqueueCommand('west', { type: 'reassign', ticket: 'T-1', assignee: null });

    await expect(act).rejects.toThrow(/site west does not exist/);
  });
});
