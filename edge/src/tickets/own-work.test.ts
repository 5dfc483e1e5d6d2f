import { describe, expect, it } from 'vitest';
import { aContext, aTicket, actorFor, cleaning, panelActor, users } from '../test-support/domain-fixtures.ts';
import { availableActions } from './available-actions.ts';
import { decide } from './decide.ts';

const T = '2026-12-01T10:00:00.000Z';
const step = (actor: string, action: string) => ({ at: T, actor, action, status: 'assigned' as const, assignee: 'sue' });
const suesJob = aTicket('done', { assignee: 'sue', history: [step('user:sue', 'claim'), step('user:sue', 'start'), step('user:sue', 'complete')] });

describe('verifying one\'s own work', () => {
  it('refuses the supervisor who did the job its approval and its rejection', () => {
    const sue = actorFor(users.sue);

    const approve = () => decide(aContext({ actor: sue, ticket: suesJob }), { type: 'approve' });
    const reject = () => decide(aContext({ actor: sue, ticket: suesJob }), { type: 'reject', reason: 'Not cleaned' });

    expect(approve).toThrow(expect.objectContaining({ code: 'OWN_WORK' }));
    expect(reject).toThrow(expect.objectContaining({ code: 'OWN_WORK' }));
    expect(availableActions(sue, suesJob, cleaning())).not.toContain('approve');
  });

  it('counts whoever only claimed or started a job another completed', () => {
    const handedOn = aTicket('done', { assignee: 'ana', history: [step('user:sue', 'claim'), step('user:ana', 'start'), step('user:ana', 'complete')] });

    const actions = availableActions(actorFor(users.sue), handedOn, cleaning());

    expect(actions).not.toContain('approve');
    expect(actions).not.toContain('reject');
  });

  it('lets someone else, or a door panel, verify it', () => {
    const others = [actorFor(users.hank), panelActor(suesJob.room)];

    const offered = others.map((actor) => availableActions(actor, suesJob, cleaning()));

    for (const actions of offered) expect(actions).toEqual(expect.arrayContaining(['approve', 'reject']));
  });

  it('lets the worker verify it where the category allows self-verification', () => {
    const category = cleaning({ selfVerification: 'allowed' });

    const decision = decide(aContext({ actor: actorFor(users.sue), ticket: suesJob, category }), { type: 'approve' });

    expect(decision.changes[0]).toMatchObject({ type: 'ticket-approved', state: { status: 'verified' } });
  });
});
