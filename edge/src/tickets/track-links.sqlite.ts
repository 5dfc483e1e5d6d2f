import type { Ticket, TrackView } from '../contracts/index.ts';
import { NotFound } from '../domain-error.ts';
import { tokenDigest } from '../auth/token.ts';
import type { SiteStore } from '../store/site-store.ts';
import { trackView } from './track-view.ts';

export interface TrackRow { ticket: string; rating: number | null; comment: string | null }

/** Tracking links as the database keeps them: a digest of the token, the ticket and the occupant's rating. */
export class TrackLinks {
  readonly #byDigest;

  constructor(private readonly store: SiteStore) {
    this.#byDigest = store.db.prepare<[string], TrackRow>('SELECT ticket, rating, comment FROM track_tokens WHERE token_hash = ?');
  }

  /** The ticket behind a link, or undefined for a link that was never handed out. */
  ticketOf(token: string): string | undefined {
    return this.#byDigest.get(tokenDigest(token))?.ticket;
  }

  find(token: string): { row: TrackRow; ticket: Ticket } {
    const row = this.#byDigest.get(tokenDigest(token));
    const ticket = row && this.store.tickets.get(row.ticket);
    if (!row || !ticket) throw new NotFound('tracking link', 'given');
    return { row, ticket };
  }

  view(token: string): TrackView {
    const { row, ticket } = this.find(token);
    const room = this.store.rooms.get(ticket.room);
    if (!room) throw new NotFound('room', ticket.room);
    // One survey per ticket: a rating given through any of its links answers it.
    const rating = row.rating === null ? this.store.trackTokens.ratingOf(ticket.id) : { score: row.rating, comment: row.comment };
    return trackView(ticket, room, this.store.directory.category(ticket.category), rating);
  }
}
