import type { Change, Vendor, WorkOrder, WorkOrderCommand, WorkOrderEventType } from '../contracts/index.ts';
import type { CommandInput, CommandModule, Outcome } from '../commands/command-module.ts';
import { Invalid, NotFound, Refusal } from '../domain-error.ts';
import { tokenDigest } from '../auth/token.ts';
import { assertMay } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { closedStatuses, orderLifecycle, orderRefusal } from './work-order-rules.ts';
import { rejectionEffects, rejectionReasonFor } from './work-order-rejection.ts';
import { firstReminders } from './work-order-reminders.ts';
import { ticketFollowsOrder } from './ticket-follows-order.ts';

type Command = Exclude<WorkOrderCommand, { type: 'define-vendor' | 'update-vendor' | 'remind-work-order' }>;
type Action = Exclude<Command['type'], 'create-work-order' | 'issue-work-order-link' | 'revoke-work-order-link'>;

/** A link's token: 128 random bits. */
const LINK_BYTES = 16;

function activeVendor(store: SiteStore, id: string): Vendor {
  const vendor = store.workOrders.vendor(id);
  if (!vendor || !vendor.active) throw new Invalid('UNKNOWN_VENDOR', `there is no active vendor ${id} on this site`, { vendor: id });
  return vendor;
}

function order(store: SiteStore, target: unknown): WorkOrder {
  const id = (target as { workOrder?: string }).workOrder ?? '';
  const found = store.workOrders.get(id);
  if (!found) throw new NotFound('work order', id);
  return found;
}

/** One new link per contact: the raw tokens go to the answer, their digests (and the tokens sealed) to the store. */
function issue(contacts: readonly string[], newToken: CommandInput['newToken']) {
  const tokens = contacts.map((contact) => ({ contact, token: newToken(LINK_BYTES) }));
  return { tokens, links: tokens.map(({ contact, token }) => ({ contact, digest: tokenDigest(token), token })) };
}

function create(store: SiteStore, { actor, target, command, at, newToken }: CommandInput<Extract<Command, { type: 'create-work-order' }>>): Outcome {
  assertMay(actor.role, 'send-work-order');
  const vendor = activeVendor(store, command.vendor);
  const ticketId = (target as { ticket?: string }).ticket;
  const ticket = ticketId ? store.tickets.get(ticketId) : undefined;
  if (ticketId && !ticket) throw new NotFound('ticket', ticketId);
  if (!ticket && !command.title) throw new Invalid('TITLE_REQUIRED', 'a work order made on its own needs a title');
  const room = ticket?.room ?? command.room ?? null;
  if (room && !store.rooms.get(room)) throw new NotFound('room', room);
  if (command.dueAt && command.dueAt <= at) throw new Invalid('DUE_IN_PAST', 'the wanted-by time lies in the past', { dueAt: command.dueAt });
  const responsible = command.responsible ?? actor.user;
  if (!responsible || !store.directory.user(responsible)) throw new Invalid('UNKNOWN_USER', `there is no user ${responsible ?? '(none named)'}`);
  const id = `WO-${store.workOrders.nextNumber()}`;
  const state: WorkOrder = {
    id, ticket: ticket?.id ?? null, vendor: vendor.id,
    title: ticket?.title ?? command.title!, description: ticket?.description ?? command.description ?? '', room,
    instructions: command.instructions, dueAt: command.dueAt ?? null, costLimit: command.costLimit ?? null,
    responsible, shareReporterContact: command.shareReporterContact, status: 'sent',
    // Every file of the ticket goes with the order, as it is: the same stored file under the same id.
    attachments: [...(ticket?.attachments ?? [])],
    comments: [], rejections: [], declineReason: null, report: null,
    history: [{ at, actor: actor.ref, action: 'send', status: 'sent' }],
    createdAt: at, sentAt: at, answeredAt: null, startedAt: null, doneAt: null, closedAt: null, updatedAt: at,
    reminders: firstReminders(at),
  };
  const { tokens, links } = issue(vendor.contacts.map((c) => c.id), newToken);
  return { changes: [{ entity: 'work-order', type: 'work-order-sent', state, links }], result: { workOrder: state, links: tokens } };
}

function relink(store: SiteStore, { actor, target, command, at, newToken }: CommandInput<Extract<Command, { type: 'issue-work-order-link' | 'revoke-work-order-link' }>>): Outcome {
  assertMay(actor.role, 'send-work-order');
  const before = order(store, target);
  const vendor = store.workOrders.vendor(before.vendor);
  if (!vendor?.contacts.some((c) => c.id === command.contact)) throw new Invalid('UNKNOWN_CONTACT', `the vendor has no contact ${command.contact}`, { contact: command.contact });
  const state = { ...before, updatedAt: at };
  const revoke = { contact: command.contact };
  if (command.type === 'revoke-work-order-link') {
    return { changes: [{ entity: 'work-order', type: 'work-order-link-revoked', state, revoke }], result: state };
  }
  const { tokens, links } = issue([command.contact], newToken);
  return { changes: [{ entity: 'work-order', type: 'work-order-link-issued', state, revoke, links }], result: { workOrder: state, links: tokens } };
}

const events: Record<Action, WorkOrderEventType> = {
  'accept-work-order': 'work-order-accepted', 'decline-work-order': 'work-order-declined', 'comment-work-order': 'work-order-commented',
  'add-work-order-files': 'work-order-files-added', 'start-work-order': 'work-order-started', 'report-work-order-done': 'work-order-done',
  'verify-work-order': 'work-order-verified', 'reject-work-order': 'work-order-rejected', 'withdraw-work-order': 'work-order-withdrawn',
};

/** The order after one action of its lifecycle; the refusal has been asked already. */
function act(store: SiteStore, before: WorkOrder, command: Extract<Command, { type: Action }>, ref: string, at: string): WorkOrder {
  const status = orderLifecycle[command.type].to ?? before.status;
  const note = 'reason' in command ? command.reason : 'note' in command ? command.note : 'notes' in command ? command.notes : undefined;
  const base: WorkOrder = {
    ...before, status, updatedAt: at,
    history: [...before.history, { at, actor: ref, action: command.type.replace('-work-order', ''), status, ...(note ? { note } : {}) }],
    ...(closedStatuses.includes(status) ? { closedAt: at } : {}),
    // An answer (or a withdrawal) ends the chase.
    ...(status !== 'sent' && before.reminders?.nextAt ? { reminders: { ...before.reminders, nextAt: null } } : {}),
  };
  switch (command.type) {
    case 'accept-work-order': return { ...base, answeredAt: at };
    case 'decline-work-order': return { ...base, answeredAt: at, declineReason: command.reason };
    case 'comment-work-order': return { ...base, comments: [...before.comments, { at, by: ref, text: command.text }] };
    case 'add-work-order-files': return { ...base, attachments: [...before.attachments, ...command.attachments] };
    case 'start-work-order': return { ...base, startedAt: before.startedAt ?? at };
    case 'report-work-order-done':
      return { ...base, doneAt: at, report: { notes: command.notes, minutes: command.minutes }, attachments: [...before.attachments, ...(command.attachments ?? [])] };
    case 'verify-work-order': return base;
    case 'reject-work-order': {
      const reason = rejectionReasonFor(store, before, command.reason);
      return { ...base, doneAt: null, rejections: [...before.rejections, { at, by: ref, reason }] };
    }
    case 'withdraw-work-order': return base;
  }
}

/** Work orders: made from a ticket or on their own, then the vendor's and the team's steps through its lifecycle. */
export const workOrderCommands: CommandModule<Command> = {
  types: ['create-work-order', 'issue-work-order-link', 'revoke-work-order-link', ...(Object.keys(orderLifecycle) as Action[])],

  run(store, input) {
    const { command } = input;
    if (command.type === 'create-work-order') return create(store, { ...input, command });
    if (command.type === 'issue-work-order-link' || command.type === 'revoke-work-order-link') return relink(store, { ...input, command });
    const before = order(store, input.target);
    const refused = orderRefusal(input.actor, command.type, before);
    if (refused) throw refused;
    let state = act(store, before, command, input.actor.ref, input.at);
    const effects: Change[] = ticketFollowsOrder(store, state, command.type, input.actor.ref, input.at);
    if (command.type === 'reject-work-order') {
      const rejection = state.rejections.at(-1)!;
      const { changes, triggered } = rejectionEffects(store, before, rejection.reason, input);
      effects.push(...changes);
      if (triggered) {
        state = {
          ...state, rejections: [...state.rejections.slice(0, -1), { ...rejection, triggered }],
          ...(triggered.escalatedTo ? { responsible: triggered.escalatedTo } : {}),
        };
      }
    }
    // A closed order's links stay readable for a while (see the vendor link), but no new link is issued for it.
    const changes: Change[] = [{ entity: 'work-order', type: events[command.type], state }, ...effects];
    return { changes, result: state };
  },

  check(store, input) {
    const { command } = input;
    if (command.type === 'create-work-order' || command.type === 'issue-work-order-link' || command.type === 'revoke-work-order-link') return null;
    const found = store.workOrders.get((input.target as { workOrder?: string }).workOrder ?? '');
    if (!found) return new Refusal('NOT_FOUND', 'the work order does not exist');
    return orderRefusal(input.actor, command.type, found);
  },
};
