import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(async () => { await gw.stop(); });

const reportPath = (room: string) => {
  const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
  return url.pathname + url.search;
};

/** A maintenance job done by dirk and rejected at the door panel: Do Not Use and an urgent follow-up. */
async function rejectedMaintenance(room: string) {
  const id = (await gw.call('POST', reportPath(room), { body: { category: 'maintenance', description: 'Door closer broken' } })).body.ticket.id as string;
  const marco = await gw.login('marco');
  const dirk = await gw.login('dirk');
  await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: marco, body: { assignee: 'dirk' } });
  await gw.call('POST', `/api/tickets/${id}/start`, { cookie: dirk });
  await gw.call('POST', `/api/tickets/${id}/complete`, { cookie: dirk });
  const rejected = await gw.call('POST', `/api/tickets/${id}/reject`, { cookie: await gw.panelLogin(room), body: { reason: 'Door still slams' } });
  return { id, followUp: rejected.body.triggered.followUp as string };
}

describe('what holds a room, as GET /api/rooms/{room} tells it', () => {
  it('names the rejection whose policy set Do Not Use, its open urgent follow-up, and what clears each', async () => {
    const { id, followUp } = await rejectedMaintenance('r204');

    const res = await gw.call('GET', '/api/rooms/r204', { cookie: await gw.login('hanna') });

    expect(res.status).toBe(200);
    expect(res.body.hold).toEqual({
      held: true,
      status: 'do_not_use',
      causes: [
        { code: 'rejection-policy', ticket: id, params: { category: 'maintenance', status: 'do_not_use' } },
        { code: 'follow-up-open', ticket: followUp, params: { priority: 'urgent', parent: id } },
      ],
      clears: [{ code: 'approve-follow-up', ticket: followUp }, { code: 'redo-job', ticket: id }, { code: 'set-available', ticket: null }],
    });
    expect(res.body.actions).toEqual(['set-available', 'set-alternative']);
  });

  it('offers setting the room available only to those the rights table lets set a room\'s status', async () => {
    await rejectedMaintenance('r304');

    const supervisor = await gw.call('GET', '/api/rooms/r304', { cookie: await gw.login('marco') });

    expect(supervisor.body.hold.held).toBe(true);
    expect(supervisor.body.actions).not.toContain('set-available');
  });

  it('says an open cleaning job holds the room until it is finished', async () => {
    const id = (await gw.call('POST', reportPath('r101'), { body: { category: 'cleaning', description: 'Spilled coffee' } })).body.ticket.id as string;

    const res = await gw.call('GET', '/api/rooms/r101', { cookie: await gw.login('hanna') });

    expect(res.body.hold).toMatchObject({ held: true, status: 'service_due', causes: [{ code: 'job-open', ticket: id, params: { category: 'cleaning' } }] });
    expect(res.body.hold.clears).toEqual([{ code: 'finish-job', ticket: id }, { code: 'set-available', ticket: null }]);
  });

  it('holds nothing once a facility head sets the room available with a reason', async () => {
    await rejectedMaintenance('r305');
    const hanna = await gw.login('hanna');

    const set = await gw.call('POST', '/api/rooms/r305/status', { cookie: hanna, body: { status: 'available', reason: 'Inspected, door safe' } });
    const res = await gw.call('GET', '/api/rooms/r305', { cookie: hanna });

    expect(set.status).toBe(200);
    expect(res.body.hold).toEqual({ held: false, status: 'available', causes: [], clears: [] });
    expect(res.body.actions).toEqual(['set-alternative']);
  });

  it('tells an occupant with the room\'s code nothing of what holds it', async () => {
    const res = await gw.call('GET', `/api/rooms/r201?k=${new URL(gw.creds.rooms.find((r) => r.id === 'r201')!.reportApi).searchParams.get('k')}`);

    expect(res.status).toBe(200);
    expect(res.body.hold).toBeUndefined();
  });
});
