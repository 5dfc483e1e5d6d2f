import type { Category, Names, Room, Ticket, TrackView } from '../contracts/index.ts';
import { occupantActor } from '../rights/actor.ts';
import { ticketRefusal } from './ticket-refusal.ts';
import { trackPhase } from './track-phase.ts';

const withNames = (names: Names | undefined) => (names ? { names } : {});

export interface Rating { score: number; comment: string | null }

/**
 * What a tracking link shows: progress, the latest rejection's public reason and what
 * the occupant may do now. Never notes, names, photos or other tickets.
 */
export function trackView(ticket: Ticket, room: Room, category: Category | undefined, rating: Rating | null): TrackView {
  const last = ticket.rejections.at(-1);
  // The same questions the occupant's commands are judged by.
  const mayDispute = category !== undefined && ticketRefusal(occupantActor, ticket, { type: 'dispute', reason: '-', attachments: [] }, { category }) === null;
  const mayRate = ticketRefusal(occupantActor, ticket, { type: 'rate', score: 5 }, { alreadyRated: rating !== null }) === null;
  return {
    ticket: ticket.id,
    room: { id: room.id, name: room.name, ...(room.names ? { names: room.names } : {}) },
    category: ticket.category,
    status: ticket.status,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    history: ticket.history.map((h) => ({ at: h.at, status: h.status, ...(h.action === 'work-started' || h.action === 'work-done' ? { code: h.action } : {}) })),
    rating,
    phase: trackPhase(ticket),
    rejection: last ? { at: last.at, reason: last.reason, ...withNames(category?.reasonNames?.[last.reason]), byOccupant: last.by === occupantActor.ref } : null,
    mayRate,
    mayDispute,
    disputeReasons: mayDispute ? [...category.rejectionReasons] : [],
    disputeFreeText: mayDispute && category.allowFreeTextReason,
    replies: ticket.history.filter((h) => h.visibility === 'reporter').map((h) => ({ at: h.at, text: h.note ?? '' })),
    ...(mayDispute && category.reasonNames ? { disputeReasonNames: category.reasonNames } : {}),
  };
}
