import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BenchTickets } from '../bench/bench-tickets.ts';
import { cast, doneTicket, type Cast } from '../bench/fixtures.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

/**
 * A verdict's work must not grow with the room's backlog: the door panel's button and a
 * closing that does not release the room find what they need without reading (and parsing)
 * every open ticket of the room, and still act on the same tickets as before.
 */
let gw: TestGateway;
let tickets: BenchTickets;
let c: Cast;
const panel = (room: string) => ({ id: `panel-${room}`, kind: 'panel' as const, room, revoked: false });

beforeAll(async () => {
  gw = await startTestGateway();
  tickets = new BenchTickets(gw.commands);
  c = cast(gw.store);
});
afterAll(async () => gw?.stop());

describe('verdicts in a room with a backlog', () => {
  it('the panel button rejects the most recently finished job without reading the room\'s open tickets', async () => {
    const room = 'r203';
    const ids = [0, 1, 2, 3].map((i) => doneTicket(tickets, c, room, i));
    const open = vi.spyOn(gw.store.tickets, 'openInRoom');
    try {
      const reply = await gw.deviceEvents.handle(panel(room), { type: 'button', action: 'reject', reason: 'Not cleaned' });
      expect(reply).toMatchObject({ type: 'done', action: 'reject', ticket: ids[3] });
      expect(open).not.toHaveBeenCalled();
    } finally {
      open.mockRestore();
    }
    expect(gw.store.tickets.get(ids[3]!)!.status).toBe('rejected');
    expect(ids.slice(0, 3).map((id) => gw.store.tickets.get(id)!.status)).toEqual(['done', 'done', 'done']);
    expect(gw.store.tickets.latestDoneInRoom(room)).toBe(ids[2]);
  });

  it('among jobs finished at the same moment the panel takes the first by number, as before', () => {
    const room = 'r204';
    const ids = [0, 1, 2].map((i) => doneTicket(tickets, c, room, 10 + i));
    gw.store.db.prepare('UPDATE ticket_rows SET updated_at = ? WHERE id IN (?, ?, ?)').run('2030-01-01T00:00:00.000Z', ...ids);
    expect(gw.store.tickets.latestDoneInRoom(room)).toBe(ids[0]);
    expect(gw.store.tickets.latestDoneInRoom('r999')).toBeNull();
  });

  it('approving a job that is not behind the room\'s status reads none of the room\'s other tickets', async () => {
    const room = 'r205';
    const first = doneTicket(tickets, c, room, 20);
    const second = doneTicket(tickets, c, room, 21);
    expect(gw.store.rooms.get(room)!.ticket).toBe(first);
    const open = vi.spyOn(gw.store.tickets, 'openInRoom');
    try {
      await gw.commands.handle(c.fiona, { ticket: second }, { type: 'approve' });
      expect(open).not.toHaveBeenCalled();
      expect(gw.store.rooms.get(room)!.ticket).toBe(first);
      // Closing the job behind the status still hands the room on, which needs the others.
      await gw.commands.handle(c.fiona, { ticket: first }, { type: 'approve' });
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      open.mockRestore();
    }
    expect(gw.store.rooms.get(room)!.status).toBe('available');
  });

  it('the room\'s finished services come from its finished jobs alone, not its whole backlog', async () => {
    const room = 'r301';
    const done = [0, 1].map((i) => doneTicket(tickets, c, room, 30 + i));
    const started = doneTicket(tickets, c, room, 32);
    await gw.commands.handle(c.fiona, { ticket: started }, { type: 'reject', reason: 'Not cleaned' });
    const open = vi.spyOn(gw.store.tickets, 'openInRoom');
    try {
      const res = await gw.call('GET', `/api/rooms/${room}/finished`, { cookie: await gw.login('sofia') });
      expect(res.status).toBe(200);
      expect(res.body.services.map((s: { ticket: { id: string } }) => s.ticket.id)).toEqual(done);
      expect(open).not.toHaveBeenCalled();
    } finally {
      open.mockRestore();
    }
  });
});
