import type { Role } from '../contracts/index.ts';
import { Forbidden } from '../domain-error.ts';

export type Right =
  | 'view' | 'report' | 'create' | 'assign' | 'claim' | 'transfer' | 'start' | 'complete'
  | 'approve' | 'reject' | 'escalate' | 'cancel' | 'comment' | 'comment-internal'
  | 'set-room-status' | 'read-audit' | 'dispute' | 'manage-devices' | 'accept' | 'set-rejection-policy';

/**
 * Who may do what, by role. Rules that depend on the ticket (only the assignee
 * starts it, a panel acts only on its own room) live in the ticket rules.
 */
const table: Record<Role, readonly Right[]> = {
  occupant: ['report', 'dispute'],
  staff: ['view', 'create', 'claim', 'transfer', 'start', 'complete', 'comment', 'comment-internal'],
  vendor: ['view', 'accept', 'start', 'complete', 'comment'],
  supervisor: ['view', 'create', 'assign', 'claim', 'transfer', 'start', 'complete', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'read-audit'],
  floor_manager: ['view', 'create', 'assign', 'transfer', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'read-audit'],
  reception: ['view', 'create', 'assign', 'approve', 'reject', 'escalate', 'comment', 'comment-internal'],
  facility_head: ['view', 'create', 'assign', 'claim', 'transfer', 'start', 'complete', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'set-room-status', 'read-audit', 'manage-devices', 'set-rejection-policy'],
  admin: ['view', 'create', 'assign', 'claim', 'transfer', 'start', 'complete', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'set-room-status', 'read-audit', 'manage-devices', 'set-rejection-policy'],
  // A door panel is signed in with its room's PIN, which supervisors hold.
  panel: ['view', 'create', 'approve', 'reject', 'comment', 'comment-internal'],
  // A sign, e-paper display or QR stand: it shows and reports, it decides nothing.
  device: [],
  system: ['create', 'assign', 'escalate', 'cancel', 'comment', 'comment-internal', 'set-room-status'],
  // Head office, through the cloud bridge: dispatch, a room's status, a category's rejection policy.
  head_office: ['view', 'assign', 'comment', 'comment-internal', 'set-room-status', 'set-rejection-policy'],
};

export const rightsTable: Readonly<Record<Role, readonly Right[]>> = table;

export function may(role: Role, right: Right): boolean {
  return table[role].includes(right);
}

export function rolesWith(right: Right): Role[] {
  return (Object.keys(table) as Role[]).filter((role) => may(role, right));
}

/** Refuses with the role and the missing right named, for checks outside a ticket's own rules. */
export function assertMay(role: Role, right: Right): void {
  if (!may(role, right)) throw new Forbidden('NOT_PERMITTED', `a ${role} may not ${right}`, { role, right });
}
