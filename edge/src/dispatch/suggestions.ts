import type { Suggestions, Ticket } from '../contracts/index.ts';
import { holdRefusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { type Candidate, type Place, rank } from './ranking.ts';

/**
 * Who should take the ticket, best first, with the reasons: the people of its team who may
 * hold it, on duty, with the skill; weighed by the open work they hold, where
 * their jobs under way are and the visits booked for them. `except` leaves a person out
 * (the one who just handed the job back).
 */
export function suggestionsFor(store: SiteStore, ticket: Ticket, except?: string): Suggestions {
  const placeOf = new Map<string, Place | null>();
  const place = (room: string): Place | null => {
    if (!placeOf.has(room)) {
      const found = store.rooms.get(room);
      placeOf.set(room, found ? { floor: found.floor, zone: found.zone } : null);
    }
    return placeOf.get(room)!;
  };
  // The ticket's own team, and only those the rules let hold it (active, working tickets).
  const eligible = store.directory.users().filter((user) => user.id !== except && user.teams.includes(ticket.team) && holdRefusal(user, ticket.team) === null);
  const offDuty = store.dispatch.offDuty();
  const skills = store.dispatch.allSkills();
  const held = store.dispatch.held().filter((h) => h.id !== ticket.id);
  const candidates: Candidate[] = eligible.map((user) => {
    const mine = held.filter((h) => h.assignee === user.id);
    const working = mine.filter((h) => h.status === 'in_progress').map((h) => place(h.room)).filter((p): p is Place => p !== null);
    // Visits matter only when this job has one booked: then each held ticket's own is read.
    const visits = ticket.visitAt
      ? mine.flatMap((h) => { const at = store.tickets.get(h.id)?.visitAt; return at ? [{ ticket: h.id, at }] : []; })
      : [];
    return { user: user.id, name: user.name, onDuty: !offDuty.has(user.id), skills: skills.get(user.id) ?? [], open: mine.length, working, visits };
  });
  const here = place(ticket.room) ?? { floor: Number.NaN, zone: '' };
  return {
    ticket: ticket.id,
    suggestions: rank({ category: ticket.category, place: here, visitAt: ticket.visitAt }, candidates),
    offDuty: candidates.filter((c) => !c.onDuty).length,
  };
}
