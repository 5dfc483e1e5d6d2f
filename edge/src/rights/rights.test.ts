import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/index.ts';
import { orderRefusal } from './order-refusal.ts';
import { bookingTicketKind, grants, may, rightsOf, rolesWith } from './rights.ts';

const allRoles: Role[] = [
  'staff', 'supervisor', 'floor_manager', 'reception', 'facility_head', 'admin', 'vendor', 'panel', 'device', 'occupant', 'system', 'head_office', 'tenant', 'tenant_admin',
];

describe('rights', () => {
  it('gives reject only to supervisors, floor managers, reception, facility heads, admins and door panels', () => {
    const holders = rolesWith('reject');

    expect([...holders].sort()).toEqual(['admin', 'facility_head', 'floor_manager', 'panel', 'reception', 'supervisor']);
  });

  it('does not let staff reject', () => {
    const allowed = may('staff', 'reject');

    expect(allowed).toBe(false);
  });

  it('does not let staff approve', () => {
    const allowed = may('staff', 'approve');

    expect(allowed).toBe(false);
  });

  it('lets an occupant only report, dispute, and place, pay for and cancel orders', () => {
    const rights = rightsOf('occupant');

    expect([...rights].sort()).toEqual(['cancel-order', 'dispute', 'pay-order', 'place-order', 'report']);
  });

  it('lets an occupant cancel an order only through its tracking link, and reception any order', () => {
    const occupant = { ref: 'occupant', user: null, role: 'occupant' as const, teams: [], room: null };
    const reception = { ...occupant, ref: 'user:rita', user: 'rita', role: 'reception' as const };

    const untracked = orderRefusal(occupant, 'cancel-order', { id: 'O-1', tracked: false });
    const tracked = orderRefusal(occupant, 'cancel-order', { id: 'O-1', tracked: true });
    const desk = orderRefusal(reception, 'cancel-order', { id: 'O-1', tracked: false });

    expect(grants.filter((g) => g.role === 'occupant' && g.right === 'cancel-order').map((g) => g.scope)).toEqual([['tracked']]);
    expect(untracked?.code).toBe('NOT_PERMITTED');
    expect(tracked).toBeNull();
    expect(desk).toBeNull();
  });

  it('opens a booking\'s job as a report for an occupant and as a task for the desk', () => {
    const kinds = [bookingTicketKind('occupant'), bookingTicketKind('reception'), bookingTicketKind('facility_head')];

    expect(kinds).toEqual(['report', 'task', 'task']);
  });

  it('lets no role but the occupant report', () => {
    const holders = rolesWith('report');

    expect(holders).toEqual(['occupant']);
  });

  it('lets a vendor view, accept, start, complete and comment, and act on their work order, but not comment internally', () => {
    const rights = rightsOf('vendor');

    expect([...rights].sort()).toEqual([
      'accept', 'accept-work-order', 'add-work-order-files', 'comment', 'comment-work-order', 'complete', 'decline-work-order',
      'report-work-order-done', 'start', 'start-work-order', 'view', 'view-work-order',
    ]);
  });

  it('lets a door panel approve and reject but not start work', () => {
    const answers = [may('panel', 'approve'), may('panel', 'reject'), may('panel', 'start')];

    expect(answers).toEqual([true, true, false]);
  });

  it('keeps assign away from staff, vendors, panels and occupants', () => {
    const holders = rolesWith('assign');

    expect([...holders].sort()).toEqual(['admin', 'facility_head', 'floor_manager', 'head_office', 'reception', 'supervisor', 'system']);
  });

  it('lets only facility heads, admins, head office and the system set a room status by hand', () => {
    const holders = rolesWith('set-room-status');

    expect([...holders].sort()).toEqual(['admin', 'facility_head', 'head_office', 'system']);
  });

  it('lists the roles holding a right in the order of the table', () => {
    const holders = rolesWith('cancel');

    expect(holders).toEqual(['supervisor', 'floor_manager', 'facility_head', 'admin', 'system']);
  });

  it('answers may for every role consistently with rolesWith', () => {
    const holders = rolesWith('claim');

    const fromMay = allRoles.filter((role) => may(role, 'claim'));

    expect(fromMay).toEqual(holders);
    expect(holders.sort()).toEqual(['admin', 'facility_head', 'staff', 'supervisor']);
  });

  it('lets a sign or QR stand decide nothing, and a door panel open a service request', () => {
    const answers = [may('device', 'create'), may('device', 'approve'), may('panel', 'create')];

    expect(answers).toEqual([false, false, true]);
  });

  it('lets only facility heads and admins manage devices', () => {
    expect(rolesWith('manage-devices').sort()).toEqual(['admin', 'facility_head']);
  });

  it('has a row for every role', () => {
    const roles = [...new Set([...grants.map((g) => g.role), 'device' as const])].sort();

    expect(roles).toEqual([...allRoles].sort());
  });

  it('lets only vendors accept a work order', () => {
    const holders = rolesWith('accept');

    expect(holders).toEqual(['vendor']);
  });

  it('lets only facility heads, admins and head office change a category\'s rejection policy', () => {
    const holders = rolesWith('set-rejection-policy');

    expect([...holders].sort()).toEqual(['admin', 'facility_head', 'head_office']);
  });
  it('lets the system link a ticket to persons (a mail from a known sender) but not keep the directory', () => {
    const answers = [may('system', 'link'), may('system', 'manage-directory')];

    expect(answers).toEqual([true, false]);
  });

  it('lets only the system add a mail\'s unknown sender as a contact', () => {
    const holders = rolesWith('add-contact');

    expect(holders).toEqual(['system']);
  });
});
