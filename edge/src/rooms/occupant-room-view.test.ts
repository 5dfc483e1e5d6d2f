import { describe, expect, it } from 'vitest';
import { T0, aRoom, aTicket, av, cleaning, maintenance } from '../test-support/domain-fixtures.ts';
import { occupantRoomView, occupantTickets } from './occupant-room-view.ts';

const categories = [cleaning(), av(), maintenance()];
const categoryOf = (id: string) => categories.find((c) => c.id === id);

describe('what a room shows behind its QR code', () => {
  it('lists no ticket to add to while the room is available', () => {
    const tickets = occupantTickets(aRoom(), [aTicket('new')], categoryOf);

    expect(tickets).toEqual([]);
  });

  it('lists the ticket behind a held room first, then others that hold it, and not those that do not', () => {
    const room = aRoom({ status: 'do_not_use', ticket: 'T-3' });
    const open = [aTicket('new', { id: 'T-1' }), aTicket('new', { id: 'T-2', category: 'av' }), aTicket('escalated', { id: 'T-3', category: 'maintenance' })];

    const tickets = occupantTickets(room, open, categoryOf);

    expect(tickets.map((t) => t.id)).toEqual(['T-3', 'T-1']);
  });

  it("titles a ticket by category and room, never with the title staff typed", () => {
    const room = aRoom({ status: 'service_due', ticket: 'T-1' });

    const [ticket] = occupantTickets(room, [aTicket('new', { title: 'Key is under the mat' })], categoryOf);

    expect(ticket).toEqual({ id: 'T-1', category: 'cleaning', title: 'Cleaning in Room 101', status: 'new', openedAt: T0,
      titlePhrase: { code: 'ticket.serviceIn', params: { category: 'Cleaning', room: 'Room 101' } },
    });
  });

  it('gives the room and the categories to report in, without the QR code or the room ticket field', () => {
    const view = occupantRoomView(aRoom(), [], categories);

    expect(Object.keys(view).sort()).toEqual(['categories', 'floor', 'id', 'name', 'openTickets', 'reason', 'since', 'status', 'zone']);
    expect(view.categories).toEqual([{ id: 'cleaning', name: 'Cleaning' }, { id: 'av', name: 'Av' }, { id: 'maintenance', name: 'Maintenance' }]);
  });
});
