import type { Approval, PortalCommand } from '../contracts/index.ts';
import type { CommandInput, CommandModule, Outcome } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { refusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { reads } from '../tickets/site-reads.ts';
import { requestSubject } from './request-subject.ts';

type Command = Extract<PortalCommand, { type: 'request-approval' | 'decide-approval' }>;

function requestApproval(store: SiteStore, { actor, target, command, at, newToken }: CommandInput<Extract<Command, { type: 'request-approval' }>>): Outcome {
  const ticket = reads.ticket(store, reads.key(target, 'ticket'));
  const refused = refusal(actor, 'request-approval') ?? refusal(actor, 'view', ticket);
  if (refused) throw refused;
  const { subject } = command;
  if (subject.kind === 'quote' && subject.amount <= subject.limit) {
    throw new Invalid('QUOTE_WITHIN_LIMIT', `a quote of ${subject.amount} ${subject.currency} is within its limit of ${subject.limit}: no approval is needed`, { amount: subject.amount, limit: subject.limit });
  }
  const approval: Approval = {
    id: `A-${newToken(6)}`, ticket: ticket.id, subject, note: command.note, status: 'pending',
    requestedAt: at, requestedBy: actor.ref, decidedAt: null, decidedBy: null, comment: null,
  };
  return { changes: [{ entity: 'approval', type: 'approval-requested', state: approval }], result: approval };
}

/** A tenant approves or declines, once, on a request the rights table lets them answer for. */
function decideApproval(store: SiteStore, { actor, target, command, at }: CommandInput<Extract<Command, { type: 'decide-approval' }>>): Outcome {
  const id = (target as { approval?: string }).approval ?? '';
  const approval = store.portal.approval(id);
  const ticket = approval && store.tickets.get(approval.ticket);
  if (!approval || !ticket) throw new NotFound('approval', id);
  const refused = refusal(actor, 'decide-approval', requestSubject(store, ticket));
  if (refused) throw refused.kind === 'forbidden' || refused.kind === 'not-found' ? new NotFound('approval', id) : refused;
  if (approval.status !== 'pending') throw new Refusal('ALREADY_ANSWERED', `approval ${id} was ${approval.status} already`, { status: approval.status, decidedAt: approval.decidedAt });
  const decided: Approval = {
    ...approval, status: command.decision === 'approve' ? 'approved' : 'declined', decidedAt: at, decidedBy: actor.ref, comment: command.comment?.trim() || null,
  };
  return { changes: [{ entity: 'approval', type: 'approval-decided', state: decided }], result: decided };
}

/** Approvals: staff ask a tenant about a quote above its limit or a vendor's visit; the tenant answers. */
export const approvalCommands: CommandModule<Command> = {
  types: ['request-approval', 'decide-approval'],

  run(store, input): Outcome {
    return input.command.type === 'request-approval'
      ? requestApproval(store, input as CommandInput<Extract<Command, { type: 'request-approval' }>>)
      : decideApproval(store, input as CommandInput<Extract<Command, { type: 'decide-approval' }>>);
  },
};
