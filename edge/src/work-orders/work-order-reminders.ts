import { named, type Change, type Ticket, type WorkOrder, type WorkOrderCommand, type WorkOrderReminders } from '../contracts/index.ts';
import type { CommandModule } from '../commands/command-module.ts';
import { NotFound, Refusal } from '../domain-error.ts';
import { type Actor } from '../rights/actor.ts';
import { assertMay, holdRefusal } from '../rights/refusal.ts';
import type { SiteStore } from '../store/site-store.ts';
import { newTicket } from '../tickets/open-ticket.ts';

type Command = Extract<WorkOrderCommand, { type: 'remind-work-order' }>;

const HOUR = 3600_000;
/** Hours after sending at which the vendor is reminded: +24 h, +72 h, then every 72 h; five in all. */
export const REMINDER_HOURS = [24, 72, 144, 216, 288] as const;
/** After the last reminder the vendor has one more interval to answer before the task is raised. */
export const TASK_AFTER_HOURS = 360;
/** After a long stop the chase resumes one reminder at a time, never a burst of them. */
const LEAST_GAP_HOURS = 24;

const slotHours = (slot: number) => (slot <= REMINDER_HOURS.length ? REMINDER_HOURS[slot - 1]! : TASK_AFTER_HOURS);

/** When slot `slot` (1-based) falls due, counted from the sending, and never sooner than a day after `at`. */
function slotDue(sentAt: string, slot: number, at: string | null): string {
  const planned = Date.parse(sentAt) + slotHours(slot) * HOUR;
  return new Date(at === null ? planned : Math.max(planned, Date.parse(at) + LEAST_GAP_HOURS * HOUR)).toISOString();
}

/** The chase of a newly sent order: nothing sent yet, the first reminder a day later. */
export const firstReminders = (sentAt: string): WorkOrderReminders => ({ sent: 0, step: 0, nextAt: slotDue(sentAt, 1, null), task: null });

/** The task the responsible person gets: in the order's room (or its ticket's), in the ticket's category, and it never holds the room. */
function unansweredTask(store: SiteStore, order: WorkOrder, actor: Actor, at: string, id: string): { ticket: Ticket; changes: Change[] } {
  const source = order.ticket ? store.tickets.get(order.ticket) : undefined;
  const room = store.rooms.get(order.room ?? source?.room ?? '') ?? [...store.rooms.all()].sort((a, b) => a.id.localeCompare(b.id))[0];
  const category = store.directory.category(source?.category ?? 'maintenance') ?? store.directory.categories()[0];
  if (!room || !category) throw new NotFound('room', order.room ?? '');
  const responsible = store.directory.user(order.responsible)?.user ?? null;
  const assignee = responsible && holdRefusal(responsible, category.team) === null ? responsible : null;
  const vendor = store.workOrders.vendor(order.vendor);
  return newTicket({
    id, at, actor, room, category: { ...category, holdsRoom: false }, kind: 'task', priority: 'high',
    titlePhrase: { code: 'ticket.workOrderUnanswered', params: { workOrder: order.id, vendor: named(vendor?.name ?? order.vendor) } },
    description: `${vendor?.name ?? order.vendor} has not accepted or declined work order ${order.id} ("${order.title}"), sent ${order.sentAt}. Call them, or withdraw the order and send it elsewhere.`,
    reporter: { kind: 'system', id: null, contact: null }, assignee, parent: order.ticket,
  });
}

/**
 * The chase of an order the vendor has not answered. Each due slot sends one reminder, at most
 * five (a vendor with reminders off gets none, the slots pass silently); the slot after the last
 * raises one task for the responsible person. The due time is a row, so a restart neither misses
 * a slot nor repeats one: an order already answered, or not due yet, is refused.
 */
export const workOrderReminderCommands: CommandModule<Command> = {
  types: ['remind-work-order'],

  run(store, { actor, target, at, nextTicketId }) {
    assertMay(actor.role, 'remind-work-order');
    const id = (target as { workOrder?: string }).workOrder ?? '';
    const before = store.workOrders.get(id);
    if (!before) throw new NotFound('work order', id);
    const chase = before.reminders;
    if (before.status !== 'sent' || !chase?.nextAt) throw new Refusal('NOT_CHASED', `work order ${id} is not waiting for the vendor's answer`, { status: before.status });
    if (chase.nextAt > at) throw new Refusal('REMINDER_NOT_DUE', `the next reminder of ${id} is due at ${chase.nextAt}`, { nextAt: chase.nextAt });
    const step = chase.step + 1;
    if (step <= REMINDER_HOURS.length) {
      const mailed = store.workOrders.vendor(before.vendor)?.reminders ?? false;
      const reminders = { ...chase, step, sent: chase.sent + (mailed ? 1 : 0), nextAt: slotDue(before.sentAt, step + 1, at) };
      const history = mailed ? [...before.history, { at, actor: actor.ref, action: 'remind', status: before.status }] : before.history;
      const state: WorkOrder = { ...before, reminders, history, updatedAt: at };
      return { changes: [{ entity: 'work-order', type: 'work-order-reminded', state, mailVendor: mailed }], result: state };
    }
    const { ticket, changes } = unansweredTask(store, before, actor, at, nextTicketId());
    const state: WorkOrder = {
      ...before, reminders: { ...chase, step, nextAt: null, task: ticket.id },
      history: [...before.history, { at, actor: actor.ref, action: 'unanswered', status: before.status, note: ticket.id }], updatedAt: at,
    };
    return { changes: [{ entity: 'work-order', type: 'work-order-unanswered', state }, ...changes], result: state };
  },
};
