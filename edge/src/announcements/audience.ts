import type { Announcement, AnnouncementTarget, PersonRecord, Role, Room, RoomId, Unit } from '../contracts/index.ts';
import type { Actor } from '../rights/actor.ts';
import { Invalid } from '../domain-error.ts';

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** What the building holds that targets name: its rooms and its tenants' units. */
export interface Building { rooms: readonly Room[]; units: readonly Unit[] }

/** The rooms one target names; a company names the rooms of its units. */
function roomsOf(target: AnnouncementTarget, building: Building): RoomId[] {
  switch (target.kind) {
    case 'building': return building.rooms.map((r) => r.id);
    case 'floor': return building.rooms.filter((r) => r.floor === target.floor).map((r) => r.id);
    case 'zone': return building.rooms.filter((r) => same(r.zone, target.zone)).map((r) => r.id);
    case 'room': return building.rooms.some((r) => r.id === target.room) ? [target.room] : [];
    case 'company': return building.units.filter((u) => same(u.company, target.company)).flatMap((u) => u.rooms);
    case 'role': return [];
  }
}

/** Refuses a target that names nothing the site has: a room, floor or zone without rooms, a company without units. */
export function assertTargetsExist(targets: readonly AnnouncementTarget[], building: Building): void {
  for (const target of targets) {
    if (target.kind === 'building' || target.kind === 'role') continue;
    if (target.kind === 'room' && roomsOf(target, building).length === 0) throw new Invalid('UNKNOWN_ROOM', `there is no room ${target.room}`, { room: target.room });
    if (target.kind === 'company' && building.units.some((u) => same(u.company, target.company))) continue;
    if (roomsOf(target, building).length === 0) throw new Invalid('UNKNOWN_TARGET', `the site has no ${target.kind} ${JSON.stringify(target)}`, { target });
  }
}

/** Every room the targets name, each once, in the site's order. */
export function targetedRooms(targets: readonly AnnouncementTarget[], building: Building): RoomId[] {
  const named = new Set(targets.flatMap((t) => roomsOf(t, building)));
  return building.rooms.map((r) => r.id).filter((id) => named.has(id));
}

/** Who a tenant is, as targets are judged: their company, their unit's rooms and floor. */
export interface Reader { role?: Role | null; company?: string | null; rooms?: readonly RoomId[]; floor?: number | null }

/** The reader of the person record: their unit's rooms and floor, their company or their unit's. */
export function readerOf(person: PersonRecord, units: readonly Unit[]): Reader {
  const unit = person.unit ? units.find((u) => u.id === person.unit) : undefined;
  return { company: person.company || unit?.company || null, rooms: unit?.rooms ?? [], floor: unit?.floor ?? null };
}

/** Whether a live announcement is meant for the reader: a role, their company, a room of theirs, or the building. */
export function reaches(announcement: Pick<Announcement, 'targets' | 'rooms'>, reader: Reader): boolean {
  const rooms = new Set(reader.rooms ?? []);
  return announcement.targets.some((t) => t.kind === 'building'
    || (t.kind === 'role' && reader.role === t.role)
    || (t.kind === 'company' && !!reader.company && same(reader.company, t.company))
    || (t.kind === 'floor' && reader.floor === t.floor))
    || announcement.rooms.some((room) => rooms.has(room));
}

/** The persons of the directory an announcement is for (roles name staff, not persons). */
export function targetedPersons(announcement: Pick<Announcement, 'targets' | 'rooms'>, persons: readonly PersonRecord[], units: readonly Unit[]): PersonRecord[] {
  return persons.filter((p) => reaches(announcement, readerOf(p, units)));
}

/** A signed-in reader: a tenant as their directory entry places them, anyone else by their role. */
export function readerOfActor(actor: Actor, person: (id: string) => PersonRecord | undefined, units: () => readonly Unit[]): Reader {
  const record = actor.person ? person(actor.person) : undefined;
  return record ? { ...readerOf(record, units()), role: actor.role } : { role: actor.role };
}
