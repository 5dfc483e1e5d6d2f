import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox } from '../src/test-support/mqtt-inbox.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const reportUrlPath = (room: string) => new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi).pathname + new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi).search;

/** Report as an occupant, then assign, start and complete as staff: the ticket waits for a supervisor. */
async function finishedJob(room: string, category: string, supervisor: string, worker: string) {
  const report = await gw.call('POST', reportUrlPath(room), { body: { category, description: `Problem with ${category}` } });
  expect(report.status).toBe(201);
  const id = report.body.ticket.id as string;
  const boss = await gw.login(supervisor);
  const staff = await gw.login(worker);
  expect((await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: boss, body: { assignee: worker } })).status).toBe(200);
  expect((await gw.call('POST', `/api/tickets/${id}/start`, { cookie: staff })).status).toBe(200);
  expect((await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: staff, body: { note: 'Fixed' } })).status).toBe(200);
  return { id, trackToken: report.body.trackToken as string };
}

describe('the service-rejection flow over HTTP and MQTT', () => {
  it('sets the room to Do Not Use on the sign, escalates, opens an urgent follow-up and logs every step', async () => {
    const sign = await gw.device('sign-r102');
    const received = inbox(sign);
    await sign.subscribeAsync('doorside/demo/rooms/r102/status', { qos: 1 });
    const { id } = await finishedJob('r102', 'maintenance', 'marco', 'dirk');
    const panel = await gw.panelLogin('r102');

    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: panel, body: { reason: 'Safety hazard remains', notes: 'Loose cable by the door' } });

    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ id, status: 'escalated', assignee: 'marco' });
    expect(res.body.triggered).toMatchObject({ route: 'escalated', assignee: 'marco', roomStatus: 'do_not_use', notified: ['facility', 'security'] });
    const status = await received.next((m) => JSON.parse(m.payload).status === 'do_not_use');
    expect(JSON.parse(status.payload)).toMatchObject({ room: 'r102', status: 'do_not_use', reason: 'Safety hazard remains', ticket: id });
    const followUp = await gw.call('GET', `/api/tickets/${res.body.triggered.followUp}`, { cookie: await gw.login('marco') });
    expect(followUp.body).toMatchObject({ kind: 'task', priority: 'urgent', room: 'r102', parent: id, status: 'new', team: 'maintenance' });
    const audit = await gw.call('GET', `/api/audit?ticket=${id}`, { cookie: await gw.login('hanna') });
    const steps = audit.body.events.map((e: { type: string; actor: string }) => `${e.type} by ${e.actor}`).reverse();
    expect(steps).toEqual([
      'ticket-opened by occupant', 'ticket-assigned by user:marco', 'ticket-started by user:dirk',
      'ticket-completed by user:dirk', 'ticket-rejected by panel:r102',
    ]);
    const rejected = audit.body.events[0].state;
    expect(rejected.rejections[0]).toMatchObject({ by: 'panel:r102', reason: 'Safety hazard remains', originalAssignee: 'dirk', response: 'escalated', room: 'r102' });
    const notified = await gw.call('GET', '/api/audit?type=team-notified', { cookie: await gw.login('hanna') });
    expect(notified.body.events.map((e: { entity: string }) => e.entity).sort()).toEqual(['team:facility', 'team:security']);
  });

  it('lifts the Do Not Use a rejection set once its urgent follow-up is done and approved', async () => {
    const sign = await gw.device('sign-r303');
    const received = inbox(sign);
    await sign.subscribeAsync('doorside/demo/rooms/r303/status', { qos: 1 });
    const { id } = await finishedJob('r303', 'maintenance', 'marco', 'dirk');
    const panel = await gw.panelLogin('r303');
    const rejected = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: panel, body: { reason: 'Safety hazard remains' } });
    const followUp = rejected.body.triggered.followUp as string;
    expect(rejected.body.room).toMatchObject({ status: 'do_not_use', ticket: id });
    const marco = await gw.login('marco');
    const dirk = await gw.login('dirk');
    expect((await gw.call('POST', `/api/tickets/${followUp}/assign`, { cookie: marco, body: { assignee: 'dirk' } })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${followUp}/start`, { cookie: dirk })).status).toBe(200);
    expect((await gw.call('POST', `/api/tickets/${followUp}/complete`, { cookie: dirk, body: { note: 'Cable fixed' } })).status).toBe(200);

    const res = await gw.call('POST', `/api/tickets/${followUp}/approve`, { cookie: panel });

    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe('verified');
    // The original job is still open (escalated), so the room waits for it, but it is no longer closed.
    expect(res.body.room).toMatchObject({ status: 'service_due', ticket: id });
    await received.next((m) => JSON.parse(m.payload).status === 'service_due');
    const room = await gw.call('GET', '/api/rooms/r303', { cookie: await gw.login('hanna') });
    expect(room.body.status).toBe('service_due');
  });

  it('sends a rejected cleaning back to the same cleaner and puts the room in recovery', async () => {
    const { id } = await finishedJob('r104', 'cleaning', 'sofia', 'ana');

    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.login('fiona'), body: { reason: 'not cleaned' } });

    expect(res.body.ticket).toMatchObject({ status: 'rejected', assignee: 'ana' });
    expect(res.body.room).toMatchObject({ status: 'pending_recovery', reason: 'Not cleaned', ticket: id });
    expect(res.body.triggered.followUp).toMatch(/^T-\d+$/);
    const queue = await gw.call('GET', '/api/tickets?assignee=ana&status=rejected', { cookie: await gw.login('ana') });
    expect(queue.body.tickets.map((t: { id: string }) => t.id)).toContain(id);
  });

  it('escalates a rejected AV job to the supervisor and leaves the room usable', async () => {
    const { id } = await finishedJob('r201', 'av', 'sofia', 'chen');

    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.login('rita'), body: { reason: 'Setup missing' } });

    expect(res.body.ticket).toMatchObject({ status: 'escalated', assignee: 'sofia' });
    expect(res.body.room.status).toBe('available');
    expect(res.body.triggered.followUp).toBeNull();
  });

  it('approves a finished job and frees the room on the sign', async () => {
    const sign = await gw.device('sign-r105');
    const received = inbox(sign);
    await sign.subscribeAsync('doorside/demo/rooms/r105/status', { qos: 1 });
    const { id } = await finishedJob('r105', 'cleaning', 'sofia', 'ben');
    await received.next((m) => JSON.parse(m.payload).status === 'in_service');

    const res = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: await gw.panelLogin('r105') });

    expect(res.body.ticket.status).toBe('verified');
    expect(res.body.room.status).toBe('available');
    await received.next((m) => JSON.parse(m.payload).status === 'available' && JSON.parse(m.payload).reason.includes(id));
  });

  it('refuses a reject from staff with 403 and writes nothing', async () => {
    const { id } = await finishedJob('r202', 'cleaning', 'sofia', 'ana');
    const before = gw.store.log.head.seq;

    const res = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.login('ben'), body: { reason: 'Not cleaned' } });

    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'NOT_PERMITTED', details: { role: 'staff', right: 'reject' } });
    expect(gw.store.log.head.seq).toBe(before + 1); // only ben's sign-in
    expect(gw.store.tickets.get(id)!.status).toBe('done');
  });

  it('answers an illegal transition with 409, the current status and the allowed actions', async () => {
    const { id } = await finishedJob('r203', 'cleaning', 'sofia', 'ana');

    const res = await gw.call('POST', `/api/tickets/${id}/start`, { cookie: await gw.login('ana') });

    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'ILLEGAL_TRANSITION', message: 'cannot start a ticket that is done', details: { status: 'done', allowed: ['approve', 'reject', 'comment'] } });
  });

  it('takes an action sent with a JSON content type and no body at all', async () => {
    const report = await gw.call('POST', reportUrlPath('r302'), { body: { category: 'cleaning', description: 'Bare start' } });
    const id = report.body.ticket.id as string;
    await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: await gw.login('sofia'), body: { assignee: 'ben' } });

    const res = await gw.call('POST', `/api/tickets/${id}/start`, { cookie: await gw.login('ben'), headers: { 'content-type': 'application/json' } });

    expect(res.status).toBe(200);
    expect(res.body.ticket.status).toBe('in_progress');
  });

  it('refuses a panel acting on another room', async () => {
    const { id } = await finishedJob('r203', 'cleaning', 'sofia', 'ben');

    const res = await gw.call('POST', `/api/tickets/${id}/approve`, { cookie: await gw.panelLogin('r101') });

    expect(res.status).toBe(403);
    expect(res.body.error).toBe('WRONG_ROOM');
    expect(gw.store.tickets.get(id)!.status).toBe('done');
  });
});
