import { plainEnglish, serviceIn, type Category, type OccupantRoomView, type OccupantTicket, type Room, type Ticket } from '../contracts/index.ts';

const MAX_LISTED = 5;

/**
 * The open tickets an occupant may add to instead of reporting again: only while the room
 * is not available, the ticket behind its status first, then the others that hold the room.
 * The title is made from the category and room, never the one staff typed.
 */
export function occupantTickets(room: Room, open: readonly Ticket[], categoryOf: (id: string) => Category | undefined): OccupantTicket[] {
  if (room.status === 'available') return [];
  const holding = open.filter((t) => t.room === room.id && (t.id === room.ticket || categoryOf(t.category)?.holdsRoom === true));
  const ordered = [...holding.filter((t) => t.id === room.ticket), ...holding.filter((t) => t.id !== room.ticket)];
  return ordered.slice(0, MAX_LISTED).map((t) => {
    const titlePhrase = serviceIn(categoryOf(t.category) ?? { name: t.category }, room);
    return { id: t.id, category: t.category, title: plainEnglish(titlePhrase), titlePhrase, status: t.status, openedAt: t.createdAt };
  });
}

/** What the room's QR code shows before anything is typed: its public status, tickets to add to, categories to report in. */
export function occupantRoomView(room: Room, open: readonly Ticket[], categories: readonly Category[]): OccupantRoomView {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return {
    id: room.id, name: room.name, floor: room.floor, zone: room.zone, status: room.status, since: room.since, reason: room.reason,
    ...(room.reasonPhrase ? { reasonPhrase: room.reasonPhrase } : {}), ...(room.names ? { names: room.names } : {}), ...(room.zoneNames ? { zoneNames: room.zoneNames } : {}),
    openTickets: occupantTickets(room, open, (id) => byId.get(id)),
    categories: categories.map((c) => ({ id: c.id, name: c.name, ...(c.names ? { names: c.names } : {}) })),
  };
}
