import { describe, expect, it } from 'vitest';
import { T1, aContext, aTicket, actorFor, thrownBy, ticketOf, users } from '../test-support/domain-fixtures.ts';
import { decide } from './decide.ts';
import { AlreadyAccepted, IllegalTransition } from './errors.ts';

const workOrder = (status: 'new' | 'assigned' | 'in_progress' = 'assigned', assignee: string | null = 'vera') =>
  aTicket(status, { kind: 'work_order', assignee });
const vendor = actorFor(users.vera);

describe('decide: a vendor accepts a work order', () => {
  it('keeps the work order assigned and records the acceptance in its history', () => {
    const decision = decide(aContext({ ticket: workOrder(), actor: vendor }), { type: 'accept', note: 'on site Tuesday' });

    expect(decision.changes.map((c) => c.type)).toEqual(['ticket-accepted']);
    expect(ticketOf(decision)).toMatchObject({
      status: 'assigned', assignee: 'vera', updatedAt: T1,
      history: [{ at: T1, actor: 'user:vera', action: 'accept', status: 'assigned', assignee: 'vera', note: 'on site Tuesday' }],
    });
  });

  it('refuses a vendor accepting a work order given to someone else', () => {
    const error = thrownBy(() => decide(aContext({ ticket: workOrder('assigned', 'ana'), actor: vendor }), { type: 'accept' }));

    expect(error).toMatchObject({ code: 'NOT_YOUR_WORK_ORDER' });
  });

  it('refuses staff accepting, since only vendors hold the accept right', () => {
    const error = thrownBy(() => decide(aContext({ ticket: workOrder('assigned', 'ana'), actor: actorFor(users.ana) }), { type: 'accept' }));

    expect(error).toMatchObject({ code: 'NOT_PERMITTED', details: { role: 'staff', right: 'accept' } });
  });

  it('refuses accepting a work order that is already in progress', () => {
    const error = thrownBy(() => decide(aContext({ ticket: workOrder('in_progress'), actor: vendor }), { type: 'accept' }));

    expect(error).toBeInstanceOf(IllegalTransition);
  });

  it('refuses accepting the same assignment twice', () => {
    const once = ticketOf(decide(aContext({ ticket: workOrder(), actor: vendor }), { type: 'accept' }));

    const error = thrownBy(() => decide(aContext({ ticket: once, actor: vendor }), { type: 'accept' }));

    expect(error).toBeInstanceOf(AlreadyAccepted);
    expect(error).toMatchObject({ code: 'ALREADY_ACCEPTED', kind: 'conflict' });
  });
});
