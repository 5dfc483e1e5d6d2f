import type { TestGateway } from '../../../edge/src/test-support/test-gateway.ts';
import type { ShippedEvent } from '../../src/protocol.ts';

/** The gateway's whole log as its agent ships it: each state as the exact stored text. */
export function gatewayLog(gw: TestGateway): ShippedEvent[] {
  const rows = gw.store.db.prepare('SELECT seq, at, actor, type, entity, state, prev_hash, hash FROM events ORDER BY seq').all() as
    { seq: number; at: string; actor: string; type: string; entity: string; state: string; prev_hash: string; hash: string }[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, type: r.type, entity: r.entity, state: r.state, prevHash: r.prev_hash, hash: r.hash }));
}

async function ok(gw: TestGateway, method: string, path: string, options: { body?: unknown; cookie?: string }): Promise<any> {
  const res = await gw.call(method, path, options);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Real tickets on a real gateway: a cleaning job in r101 approved and rated 4, one in
 * r102 rejected at the door, and a maintenance report in r103 left new.
 */
export async function workedTickets(gw: TestGateway): Promise<{ approved: string; rejected: string; open: string }> {
  const report = (room: string, category: string) => {
    const url = gw.creds.rooms.find((r) => r.id === room)!.reportApi;
    return ok(gw, 'POST', url.slice(gw.http.length), { body: { category, description: 'Needs attention' } });
  };
  const sofia = await gw.login('sofia');
  const ana = await gw.login('ana');
  const finish = async (id: string) => {
    await ok(gw, 'POST', `/api/tickets/${id}/assign`, { cookie: sofia, body: { assignee: 'ana' } });
    await ok(gw, 'POST', `/api/tickets/${id}/start`, { cookie: ana, body: {} });
    await ok(gw, 'POST', `/api/tickets/${id}/complete`, { cookie: ana, body: {} });
  };
  const first = await report('r101', 'cleaning');
  await finish(first.ticket.id);
  await ok(gw, 'POST', `/api/tickets/${first.ticket.id}/approve`, { cookie: sofia, body: {} });
  await ok(gw, 'POST', `/api/track/${first.trackToken}/rating`, { body: { score: 4 } });
  const second = await report('r102', 'cleaning');
  await finish(second.ticket.id);
  await ok(gw, 'POST', `/api/tickets/${second.ticket.id}/reject`, { cookie: sofia, body: { reason: 'Not cleaned' } });
  const third = await report('r103', 'maintenance');
  return { approved: first.ticket.id, rejected: second.ticket.id, open: third.ticket.id };
}
