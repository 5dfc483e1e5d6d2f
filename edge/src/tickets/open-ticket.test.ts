import { describe, expect, it } from 'vitest';
import { Forbidden } from '../domain-error.ts';
import { T0, aRoom, aUser, actorFor, av, cleaning, thrownBy, users } from '../test-support/domain-fixtures.ts';
import { occupantActor } from '../rights/actor.ts';
import { AssigneeNotEligible } from './errors.ts';
import { openTicket, type OpenTicket } from './open-ticket.ts';

function input(overrides: Partial<OpenTicket> = {}): OpenTicket {
  return {
    id: 'T-42', at: T0, actor: occupantActor, room: aRoom(), category: cleaning(), kind: 'report',
    priority: 'normal', description: 'Spilled coffee', reporter: { kind: 'occupant', id: null, contact: 'guest@example.org' },
    assignee: null, parent: null, ...overrides,
  };
}

describe('openTicket: an occupant report', () => {
  it('opens as new and unassigned in the category team', () => {
    const { ticket } = openTicket(input());

    expect(ticket).toMatchObject({
      id: 'T-42', kind: 'report', category: 'cleaning', priority: 'normal', status: 'new', room: 'r101',
      assignee: null, team: 'housekeeping', parent: null, createdAt: T0, updatedAt: T0,
      reporter: { kind: 'occupant', id: null, contact: 'guest@example.org' },
      notes: [], attachments: [], rejections: [],
    });
  });

  it('is due when the SLA for its priority runs out', () => {
    const { ticket } = openTicket(input());

    expect(ticket.dueAt).toBe('2025-03-03T13:00:00.000Z');
  });

  it('is due sooner when urgent', () => {
    const { ticket } = openTicket(input({ priority: 'urgent' }));

    expect(ticket.dueAt).toBe('2025-03-03T09:30:00.000Z');
  });

  it('is titled after the category and the room unless a title is given', () => {
    const titles = [openTicket(input()).ticket.title, openTicket(input({ title: 'Coffee on carpet' })).ticket.title];

    expect(titles).toEqual(['Cleaning in Room 101', 'Coffee on carpet']);
  });

  it('records the opening as the first history entry', () => {
    const { ticket } = openTicket(input());

    expect(ticket.history).toEqual([{ at: T0, actor: 'occupant', action: 'open', status: 'new', assignee: null }]);
  });

  it('refuses an occupant creating anything but a report', () => {
    const error = thrownBy(() => openTicket(input({ kind: 'task' })));

    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { role: 'occupant', right: 'create' } });
  });

  it('refuses staff filing a report, which is for occupants', () => {
    const error = thrownBy(() => openTicket(input({ actor: actorFor(users.ana) })));

    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { role: 'staff', right: 'report' } });
  });

  it('refuses a vendor creating a task', () => {
    const error = thrownBy(() => openTicket(input({ actor: actorFor(users.vera), kind: 'task' })));

    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { role: 'vendor', right: 'create' } });
  });
});

describe('openTicket: a task created with an assignee', () => {
  it('opens as assigned to that user', () => {
    const { ticket } = openTicket(input({ actor: actorFor(users.sue), kind: 'task', assignee: users.ana }));

    expect(ticket).toMatchObject({ status: 'assigned', assignee: 'ana' });
    expect(ticket.history).toEqual([{ at: T0, actor: 'user:sue', action: 'open', status: 'assigned', assignee: 'ana' }]);
  });

  it('refuses an assignee from another team', () => {
    const error = thrownBy(() => openTicket(input({ actor: actorFor(users.sue), kind: 'task', assignee: users.carl })));

    expect(error).toBeInstanceOf(AssigneeNotEligible);
    expect((error as AssigneeNotEligible).message).toBe('carl cannot take this ticket: not a member of team housekeeping');
  });

  it('refuses an assignee whose role does not work tickets', () => {
    const error = thrownBy(() => openTicket(input({ actor: actorFor(users.sue), kind: 'task', assignee: users.rita })));

    expect((error as AssigneeNotEligible).message).toBe('rita cannot take this ticket: a reception does not work tickets');
  });

  it('accepts a vendor as assignee whatever the team', () => {
    const { ticket } = openTicket(input({ actor: actorFor(users.hank), kind: 'work_order', assignee: users.vera }));

    expect(ticket).toMatchObject({ kind: 'work_order', status: 'assigned', assignee: 'vera' });
  });

  it('refuses staff naming an assignee, since they may not assign', () => {
    const error = thrownBy(() => openTicket(input({ actor: actorFor(users.ana), kind: 'task', assignee: users.ana })));

    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { right: 'assign' } });
  });

  it('refuses a disabled assignee', () => {
    const gone = aUser('gus', 'staff', ['housekeeping'], false);

    const open = () => openTicket(input({ actor: actorFor(users.sue), kind: 'task', assignee: gone }));

    expect(open).toThrow('gus cannot take this ticket: the account is disabled');
  });
});

describe('openTicket: the room', () => {
  it('marks an available room service-due for a category that holds it', () => {
    const { changes } = openTicket(input());

    expect(changes.map((c) => c.type)).toEqual(['ticket-opened', 'room-status-changed']);
    expect(changes[1]?.state).toEqual({
      id: 'r101', name: 'Room 101', floor: 1, zone: 'east', status: 'service_due', since: T0, reason: 'Cleaning in Room 101', ticket: 'T-42',
      reasonPhrase: { code: 'ticket.serviceIn', params: { category: 'Cleaning', room: 'Room 101' } },
    });
  });

  it('leaves the room alone for a category that does not hold it', () => {
    const { changes } = openTicket(input({ category: av() }));

    expect(changes.map((c) => c.type)).toEqual(['ticket-opened']);
  });

  it.each(['service_due', 'in_service', 'pending_recovery', 'do_not_use'] as const)('leaves a %s room as it is', (status) => {
    const { changes } = openTicket(input({ room: aRoom({ status, ticket: 'T-7' }) }));

    expect(changes.map((c) => c.entity)).toEqual(['ticket']);
  });
});
