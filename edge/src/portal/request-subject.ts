import type { Ticket } from '../contracts/index.ts';
import type { Subject } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';

const company = (name: string | null | undefined) => name?.trim() || null;

/**
 * The tenant company a ticket belongs to: its linked unit's, else its reporting person's, else
 * the company whose unit holds its room. Null when no company claims it.
 */
export function companyOf(store: SiteStore, ticket: Ticket): string | null {
  const unitId = ticket.links?.unit;
  if (unitId) {
    const unit = store.entries.units.get(unitId);
    if (company(unit?.company)) return company(unit?.company);
  }
  if (ticket.reporter.kind === 'person' && ticket.reporter.id) {
    const person = store.entries.persons.get(ticket.reporter.id);
    if (company(person?.company)) return company(person?.company);
  }
  const holding = store.entries.units.list().find((u) => u.rooms.includes(ticket.room) && company(u.company));
  return company(holding?.company);
}

/** The ticket as the rights table judges a tenant's access to it: with its company worked out. */
export function requestSubject(store: SiteStore, ticket: Ticket): Subject {
  return { ...ticket, company: companyOf(store, ticket) };
}
