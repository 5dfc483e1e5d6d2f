import type { TestGateway } from '../../edge/src/test-support/test-gateway.ts';

/** A cleaning job in `room`, reported by an occupant, assigned by sofia and finished by ana: it waits for approval. */
export async function finishedCleaning(gw: TestGateway, room: string): Promise<string> {
  const url = gw.creds.rooms.find((r) => r.id === room)!.reportApi;
  const report = await gw.call('POST', url.slice(gw.http.length), { body: { category: 'cleaning', description: 'Bins overflowing' } });
  if (report.status !== 201) throw new Error(`report: ${report.status} ${JSON.stringify(report.body)}`);
  const id = report.body.ticket.id as string;
  const sofia = await gw.login('sofia');
  const ana = await gw.login('ana');
  for (const [cookie, action, body] of [[sofia, 'assign', { assignee: 'ana' }], [ana, 'start', {}], [ana, 'complete', {}]] as const) {
    const res = await gw.call('POST', `/api/tickets/${id}/${action}`, { cookie, body });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

export function panelOf(gw: TestGateway, room: string): { url: string; pin: string } {
  const panel = gw.creds.panels.find((p) => p.room === room);
  if (!panel?.url) throw new Error(`no panel url for ${room} in the demo credentials`);
  return { url: panel.url, pin: panel.pin };
}
