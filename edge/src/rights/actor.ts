import type { Device, Role, RoomId, TeamId, User, Username } from '../contracts/index.ts';

/** Whoever asks for a change: a signed-in user, a door panel, an occupant, a device or the gateway itself. */
export interface Actor {
  /** How the audit log names the actor: `user:ana`, `panel:r101`, `occupant`, `device:sign-r101`, `system`. */
  ref: string;
  user: Username | null;
  role: Role;
  teams: TeamId[];
  /** A door panel or device acts only for its own room. */
  room: RoomId | null;
  /** A tenant: the directory person signed in to the portal, and their company. */
  person?: string | null;
  company?: string | null;
  /** A vendor acting through their link: the vendor, the contact the link was sent to, and the one work order it opens. */
  vendor?: { id: string; contact: string; workOrder: string };
}

export const systemActor: Actor = { ref: 'system', user: null, role: 'system', teams: [], room: null };
export const occupantActor: Actor = { ref: 'occupant', user: null, role: 'occupant', teams: [], room: null };
/** Someone at the portal's door, not signed in yet: asking for a sign-in link or spending one. */
export const portalVisitor: Actor = { ref: 'portal', user: null, role: 'occupant', teams: [], room: null };

/** A signed-in user, acting with their role and teams. */
export function actorOf(user: User, ref = `user:${user.id}`): Actor {
  return { ref, user: user.id, role: user.role, teams: [...user.teams], room: null };
}

/** A door panel signed in with its room's PIN. */
export function panelActor(room: RoomId): Actor {
  return { ref: `panel:${room}`, user: null, role: 'panel', teams: [], room };
}

const roleOfDevice: Record<Device['kind'], Role> = {
  panel: 'panel', gpio_panel: 'panel', sign: 'device', epaper: 'device', qr_stand: 'device',
};

/** A device acts for its own room only, with its kind's role. */
export function deviceActor(device: Device): Actor {
  return { ref: `device:${device.id}`, user: null, role: roleOfDevice[device.kind], teams: [], room: device.room };
}

/** Head office acting through the cloud bridge; the audit log names it `central:<who>`. */
export function headOfficeActor(by: string): Actor {
  return { ref: `central:${by}`, user: null, role: 'head_office', teams: [], room: null };
}

/** A tenant signed in to the portal: a directory person, acting for themself or, as its administrator, their company. */
export function tenantActor(person: { id: string; company: string | null; tenantAdmin?: boolean | undefined }): Actor {
  return {
    ref: `person:${person.id}`, user: null, role: person.tenantAdmin ? 'tenant_admin' : 'tenant', teams: [], room: null,
    person: person.id, company: person.company?.trim() || null,
  };
}

/** A vendor's contact acting through the link of one work order; the audit log names `vendor:<vendor>/<contact>`. */
export function vendorActor(vendor: string, contact: string, workOrder: string): Actor {
  return { ref: `vendor:${vendor}/${contact}`, user: null, role: 'vendor', teams: [], room: null, vendor: { id: vendor, contact, workOrder } };
}
