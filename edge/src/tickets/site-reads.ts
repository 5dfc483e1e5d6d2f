import type { Category, Room, Target, Ticket, User } from '../contracts/index.ts';
import { Invalid, NotFound } from '../domain-error.ts';
import { roomByCode } from '../rooms/room-by-code.ts';
import type { SiteStore } from '../store/site-store.ts';
import { tokenDigest } from '../auth/token.ts';

/** What the ticket commands read from the store before the rules decide, each refused by name when missing. */
export const reads = {
  ticket(store: SiteStore, id: string): Ticket {
    const ticket = store.tickets.get(id);
    if (!ticket) throw new NotFound('ticket', id);
    return ticket;
  },

  room(store: SiteStore, id: string): Room {
    const room = store.rooms.get(id);
    if (!room) throw new NotFound('room', id);
    return room;
  },

  category(store: SiteStore, id: string): Category {
    const category = store.directory.category(id);
    if (!category) throw new Invalid('UNKNOWN_CATEGORY', `there is no category ${id}`, { categories: store.directory.categories().map((c) => c.id) });
    return category;
  },

  user(store: SiteStore, id: string): User {
    const record = store.directory.user(id);
    if (!record) throw new Invalid('UNKNOWN_USER', `there is no user ${id}`);
    return record.user;
  },

  /** The room a sticker code opens, refused for a wrong or replaced code. */
  roomByCode,

  /** The ticket behind a tracking link, with the occupant's rating so far. */
  tracked(store: SiteStore, token: string): { ticket: Ticket; digest: string; rated: boolean } {
    const digest = tokenDigest(token);
    const row = store.trackTokens.byDigest(digest);
    const ticket = row && store.tickets.get(row.ticket);
    if (!row || !ticket) throw new NotFound('tracking link', 'given');
    return { ticket, digest, rated: row.rating !== null || store.trackTokens.ratingOf(ticket.id) !== null };
  },

  /** The target's one key, checked to be of the kind the command needs. */
  key<K extends 'ticket' | 'room' | 'track'>(target: Target, key: K): string {
    const value = (target as Record<string, unknown>)[key];
    if (typeof value !== 'string') throw new Error(`this command needs a ${key} target`);
    return value;
  },
};
