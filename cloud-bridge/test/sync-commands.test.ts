import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inbox } from '../../edge/src/test-support/mqtt-inbox.ts';
import { type Rig, startRig, until } from './support/sync-rig.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
  rig.startAgent();
  await rig.inSync();
});
afterEach(async () => { await rig.stop(); });

const settled = async (id: string) => {
  await until(`command ${id} is answered`, async () => (await rig.central!.commandState(id)).state !== 'pending');
  return rig.central!.commandState(id);
};
/** Lets the agent make a few more attempts (each one asks the central server for pending commands). */
async function roundsPass(n: number) {
  for (let i = 0; i < n; i++) {
    const last = rig.agent!.status.lastAttemptAt;
    await until('the agent makes another attempt', () => rig.agent!.status.lastAttemptAt !== last);
  }
}
const bridgeRows = (id: string) =>
  (rig.gw.store.db.prepare('SELECT count(*) AS n FROM bridge_commands WHERE id = ?').get(id) as { n: number }).n;

describe('head-office commands through the bridge', () => {
  it('closes a room from head office: the gateway applies it, the sign shows it, and the event comes back to the central copy', async () => {
    const sign = await rig.gw.device('sign-r101');
    const signInbox = inbox(sign);
    await sign.subscribeAsync('doorside/demo/rooms/r101/status', { qos: 1 });
    await signInbox.next((m) => JSON.parse(m.payload).status === 'available');

    const id = await rig.central!.enqueueCommand('demo', { type: 'set-room-status', room: 'r101', status: 'do_not_use', reason: 'Asbestos survey', by: 'hq-ops' });

    const shown = await signInbox.next((m) => JSON.parse(m.payload).status === 'do_not_use', 10_000);
    expect(JSON.parse(shown.payload)).toMatchObject({ room: 'r101', status: 'do_not_use', reason: 'Asbestos survey' });
    const state = await settled(id);
    expect(state).toMatchObject({ state: 'applied', reason: null });
    expect(rig.gw.store.rooms.get('r101')!.status).toBe('do_not_use');
    await rig.inSync();
    const atCentral = (await rig.centralEvents()).find((e) => e.seq === state.seq);
    expect(atCentral).toMatchObject({ type: 'room-status-changed', actor: 'central:hq-ops' });
    expect(atCentral!.hash).toBe(rig.gatewayEvents().find((e) => e.seq === state.seq)!.hash);
  });

  it('reports a command the rules refuse once, with the reason, and does not send it again', async () => {
    const hanna = await rig.gw.login('hanna');
    const created = await rig.gw.call('POST', '/api/tickets', { cookie: hanna, body: { kind: 'task', category: 'cleaning', room: 'r102', description: 'Carpet' } });
    await rig.gw.call('POST', `/api/tickets/${created.body.id}/cancel`, { cookie: hanna, body: { reason: 'Not needed' } });
    const headBefore = rig.gatewayHead().seq;

    const id = await rig.central!.enqueueCommand('demo', { type: 'reassign', ticket: created.body.id, assignee: 'ana', by: 'hq-ops' });
    const state = await settled(id);
    await roundsPass(5);

    expect(state).toEqual({ state: 'refused', reason: 'ILLEGAL_TRANSITION: cannot assign a ticket that is cancelled', seq: null });
    expect(await rig.central!.commandState(id)).toEqual(state);
    expect(rig.said.filter((line) => line.startsWith(`command reassign ${created.body.id} to ana: refused`))).toHaveLength(1);
    expect(bridgeRows(id)).toBe(1);
    expect(rig.gatewayHead().seq).toBe(headBefore);
  });

  it('refuses a reassignment to someone the site does not know, naming them', async () => {
    const hanna = await rig.gw.login('hanna');
    const created = await rig.gw.call('POST', '/api/tickets', { cookie: hanna, body: { kind: 'task', category: 'maintenance', room: 'r103', description: 'Tap drips' } });

    const id = await rig.central!.enqueueCommand('demo', { type: 'reassign', ticket: created.body.id, assignee: 'nobody-here', by: 'hq-ops' });

    expect(await settled(id)).toEqual({ state: 'refused', reason: 'UNKNOWN_USER: there is no user nobody-here', seq: null });
    expect(rig.gw.store.tickets.get(created.body.id)!.assignee).toBeNull();
  });

  it('changes nothing when the same command reaches the gateway again', async () => {
    const id = await rig.central!.enqueueCommand('demo', { type: 'set-room-status', room: 'r104', status: 'do_not_use', by: 'hq-ops' });
    const state = await settled(id);
    await rig.inSync();
    const command = { id, type: 'set-room-status', by: 'hq-ops', room: 'r104', status: 'do_not_use' };
    const before = { head: rig.gatewayHead(), room: rig.gw.store.rooms.get('r104') };

    // What a restarted agent does when it was killed after applying but before the central server heard back.
    const again = await rig.gw.call('POST', '/api/bridge/commands', { body: command, headers: { authorization: `Bearer ${rig.gw.creds.bridge!.key}` } });

    expect(again.body).toEqual({ outcome: 'applied', seq: state.seq });
    expect({ head: rig.gatewayHead(), room: rig.gw.store.rooms.get('r104') }).toEqual(before);
    expect(bridgeRows(id)).toBe(1);
  });

  it('hands a vendor acceptance made at head office to the work order on the site', async () => {
    const hanna = await rig.gw.login('hanna');
    const order = await rig.gw.call('POST', '/api/tickets', {
      cookie: hanna, body: { kind: 'work_order', category: 'maintenance', room: 'r201', description: 'Lift inspection', assignee: 'liftco' },
    });

    const id = await rig.central!.enqueueCommand('demo', { type: 'vendor-accepted', ticket: order.body.id, vendor: 'liftco', by: 'vendor-portal' });

    expect(await settled(id)).toMatchObject({ state: 'applied' });
    expect(rig.gw.store.tickets.get(order.body.id)!.history.at(-1)).toMatchObject({ action: 'accept', actor: 'central:vendor-portal', assignee: 'liftco' });
  });
});
