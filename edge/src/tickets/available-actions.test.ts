import { describe, expect, it } from 'vitest';
import { TicketAction, TicketStatus, type Ticket } from '../contracts/index.ts';
import { aContext, aTicket, actorFor, panelActor, users } from '../test-support/domain-fixtures.ts';
import type { Actor } from '../rights/actor.ts';
import { availableActions } from './available-actions.ts';
import type { TicketCommand } from '../contracts/index.ts';
import { decide } from './decide.ts';
import { decideRelease } from './release.ts';

const commands: Record<TicketAction, TicketCommand> = {
  assign: { type: 'assign', assignee: 'ben' },
  claim: { type: 'claim' },
  accept: { type: 'accept' },
  transfer: { type: 'transfer', to: 'ben' },
  start: { type: 'start' },
  complete: { type: 'complete' },
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: 'Not clean' },
  escalate: { type: 'escalate', reason: 'Needs a ladder' },
  cancel: { type: 'cancel', reason: 'Reported twice' },
  comment: { type: 'comment', text: 'On my way', internal: false },
};

const actors: Actor[] = [
  ...Object.values(users).filter((u) => u.role !== 'occupant').map(actorFor),
  panelActor('r101'), panelActor('r102'),
];
const assignees = [null, 'ana', 'ben', 'sue', 'vera'];
const cases = TicketStatus.options.flatMap((status) => assignees.flatMap((assignee) =>
  actors.map((actor) => ({ status, assignee, actor, ticket: aTicket(status, { assignee }) }))));

const accepts = (run: () => unknown) => {
  try { run(); return true; } catch { return false; }
};

describe('the actions a ticket offers', () => {
  it('offers exactly the actions decide accepts, for every status, assignee and kind of actor', () => {
    const mismatches: string[] = [];

    for (const { status, assignee, actor, ticket } of cases) {
      const offered = availableActions(actor, ticket);
      for (const action of TicketAction.options) {
        const target = action === 'assign' || action === 'transfer' ? users.ben : null;
        const accepted = accepts(() => decide(aContext({ ticket, actor, target }), commands[action]));
        if (accepted !== offered.includes(action)) mismatches.push(`${actor.ref} ${action} on ${status}/${assignee}: decide ${accepted}, offered ${!accepted}`);
      }
    }

    expect(mismatches).toEqual([]);
  });

  it('offers a release exactly when decideRelease accepts it', () => {
    const mismatches: string[] = [];

    for (const { status, assignee, actor, ticket } of cases) {
      const accepted = accepts(() => decideRelease(ticket, actor, '2025-03-03T10:00:00.000Z'));
      if (accepted !== availableActions(actor, ticket).includes('release')) mismatches.push(`${actor.ref} release on ${status}/${assignee}`);
    }

    expect(mismatches).toEqual([]);
  });

  it('gives cleaning staff claim and comment on a new ticket of their team, and nothing they may not do', () => {
    const ticket: Ticket = aTicket('new');

    const offered = availableActions(actorFor(users.ana), ticket);

    expect(offered.sort()).toEqual(['claim', 'comment']);
  });

  it('gives a vendor accept, start and comment on their own work order, and nothing on anyone else\'s', () => {
    const own = aTicket('assigned', { kind: 'work_order', assignee: 'vera' });
    const other = aTicket('assigned', { kind: 'work_order', assignee: 'ana' });

    expect(availableActions(actorFor(users.vera), own).sort()).toEqual(['accept', 'comment', 'start']);
    expect(availableActions(actorFor(users.vera), other)).toEqual([]);
  });
});
