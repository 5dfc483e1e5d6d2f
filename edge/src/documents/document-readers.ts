import type { DocumentPlace, PersonRecord, RoomId, SiteDocument, Unit } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { grantsOf, may } from '../rights/rights.ts';
import { type Building, reaches, readerOfActor, targetedRooms } from '../announcements/audience.ts';

/** The rooms a document's place names: a unit's rooms, or those of the building, floor, room or company. */
export function roomsOfPlace(place: DocumentPlace, building: Building): RoomId[] {
  if (place.kind === 'unit') return [...(building.units.find((u) => u.id === place.unit)?.rooms ?? [])];
  return targetedRooms([place], building);
}

/** The place as an audience: a unit reaches the tenants of its rooms, as the rooms it named at the upload say. */
const audienceOf = (document: SiteDocument) => ({ targets: document.place.kind === 'unit' ? [] : [document.place], rooms: document.rooms });

/**
 * Whether the actor may open the document. Those who keep documents open every one, withdrawn
 * ones too; anyone else only a current document whose readers name their role, and one whose right is
 * scoped (a tenant's) only when its place reaches them: the building, their floor, their unit's rooms, their company.
 */
export function mayRead(actor: Actor, document: SiteDocument, person: (id: string) => PersonRecord | undefined, units: () => readonly Unit[]): boolean {
  if (may(actor.role, 'manage-documents')) return true;
  if (document.status !== 'current' || !may(actor.role, 'read-documents')) return false;
  if (!(document.readers as readonly string[]).includes(actor.role)) return false;
  if (grantsOf(actor.role, 'read-documents').some((g) => g.scope.includes('any'))) return true;
  if (!actor.person) return false;
  const reader = readerOfActor(actor, person, units);
  // A company is reached only through the tenant's own company; the session names it as the directory did at sign-in.
  return reaches(audienceOf(document), { ...reader, company: actor.company ?? reader.company ?? null });
}
