import { describe, expect, it } from 'vitest';
import type { Actor } from '../rights/actor.ts';
import { readableState, sees, seesRoom, viewerFor } from './visibility.ts';

const actor = (role: Actor['role'], teams: string[] = [], room: string | null = null): Actor =>
  ({ ref: `user:${role}`, user: room ? null : role, role, teams, room });
const roomEvent = (id: string) => ({ type: 'room-status-changed', entity: `room:${id}`, state: { id, status: 'do_not_use' } });
const ticketEvent = (room: string, team: string, assignee: string | null = null) =>
  ({ type: 'ticket-opened', entity: 'ticket:T-1', state: { id: 'T-1', room, team, assignee } });

describe('who sees which live event', () => {
  it('lets managers see everything on the site', () => {
    const viewer = viewerFor(actor('facility_head'));

    expect(sees(viewer, ticketEvent('r1', 'av'))).toBe(true);
    expect(sees(viewer, { type: 'user-created', entity: 'user:x', state: {} })).toBe(true);
  });

  it('shows staff every room and only their own teams\' tickets or their own', () => {
    const viewer = viewerFor(actor('staff', ['cleaning']));

    expect(sees(viewer, roomEvent('r9'))).toBe(true);
    expect(sees(viewer, ticketEvent('r1', 'cleaning'))).toBe(true);
    expect(sees(viewer, ticketEvent('r1', 'av'))).toBe(false);
    expect(sees(viewer, ticketEvent('r1', 'av', 'staff'))).toBe(true);
    expect(sees(viewer, { type: 'user-created', entity: 'user:x', state: {} })).toBe(false);
  });

  it('keeps a door panel to its own room', () => {
    const viewer = viewerFor(actor('panel', [], 'r1'));

    expect(seesRoom(viewer, 'r1')).toBe(true);
    expect(seesRoom(viewer, 'r2')).toBe(false);
    expect(sees(viewer, roomEvent('r1'))).toBe(true);
    expect(sees(viewer, ticketEvent('r1', 'av'))).toBe(true);
    expect(sees(viewer, roomEvent('r2'))).toBe(false);
    expect(sees(viewer, ticketEvent('r2', 'av'))).toBe(false);
  });

  it('shows a sign its room status but no tickets', () => {
    const viewer = { kind: 'room', room: 'r1' } as const;

    expect(sees(viewer, roomEvent('r1'))).toBe(true);
    expect(sees(viewer, ticketEvent('r1', 'cleaning'))).toBe(false);
  });

  it('gives staff-only notes to those who may write them, as the ticket routes do', () => {
    const event = { ...ticketEvent('r1', 'cleaning', 'vendor'), state: { id: 'T-1', room: 'r1', team: 'cleaning', assignee: 'vendor', notes: [{ internal: true }, { internal: false }] } };

    expect((readableState(viewerFor(actor('staff', ['cleaning'])), event) as { notes: unknown[] }).notes).toHaveLength(2);
    expect((readableState(viewerFor(actor('vendor')), event) as { notes: unknown[] }).notes).toEqual([{ internal: false }]);
  });
});
