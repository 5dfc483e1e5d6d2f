import type { Role, TicketAction, TicketKind, TicketStatus } from '../contracts/index.ts';
import { TicketStatus as Statuses } from '../contracts/index.ts';

export type Right =
  | 'view' | 'report' | 'create' | 'assign' | 'claim' | 'transfer' | 'start' | 'complete'
  | 'approve' | 'reject' | 'escalate' | 'cancel' | 'comment' | 'comment-internal'
  | 'set-room-status' | 'set-alternative-room' | 'read-audit' | 'dispute' | 'manage-devices' | 'accept' | 'set-rejection-policy' | 'set-names'
  // The gateway's own watch over its devices: raising and clearing offline alerts.
  | 'watch-devices'
  // The directory of persons, units and installations: reading it, and keeping it.
  | 'read-directory' | 'manage-directory'
  // Linking a ticket to persons, a unit, an installation; answering its reporter.
  | 'link' | 'reply'
  // Keeping a mail's unknown sender as a contact: a narrow part of keeping the directory.
  | 'add-contact'
  // Dispatch: being on or off duty, the categories a person is qualified for, automatic dispatch per category.
  | 'set-duty' | 'set-skills' | 'set-auto-dispatch'
  // Consumables: seeing stock, keeping the stores and items, the store's movements (receive, issue,
  // dispose), a job's movements (request ahead of the visit, use, return), and the low-stock watch.
  | 'view-stock' | 'manage-stock' | 'receive-stock' | 'issue-stock' | 'dispose-stock'
  | 'request-stock' | 'use-stock' | 'return-stock' | 'watch-stock'
  // Announcements: writing, targeting and taking them down (and their reach); reading them and saying so.
  | 'manage-announcements' | 'read-announcements'
  // Web Push on one's own phone; the gateway removes subscriptions a push service says are gone.
  | 'subscribe-push'
  // Paid services: keeping the catalogue and its slots; booking; reading orders; adding items on the job;
  // cancelling; recording money taken or given back; giving up an unpaid booking's held place.
  | 'manage-services' | 'place-order' | 'read-orders' | 'add-order-item' | 'cancel-order' | 'settle-order' | 'expire-order' | 'pay-order'
  // The tenant portal: reading requests (a tenant's `view`), filing one, answering approvals, reading documents, answering surveys.
  | 'read-requests' | 'open-request' | 'decide-approval' | 'request-approval' | 'read-documents' | 'manage-documents' | 'answer-survey' | 'manage-surveys'
  // Payments: asking for one, taking a provider's verified notice, refunding, reading the ledger and statements.
  | 'charge' | 'take-payment' | 'refund' | 'read-payments'
  // Service levels: the site's working-hours calendar and targets; reading them.
  | 'manage-service-levels' | 'read-service-levels'
  // Planned work: reading schedules, keeping them, and the gateway making their tickets; a ticket's checklist.
  | 'read-schedules' | 'manage-schedules' | 'run-schedules' | 'tick-checklist' | 'add-checklist-item'
  // A ticket waiting for the tenant, a vendor or a booked visit: its clock pauses.
  | 'set-waiting' | 'start-sla-clocks'
  // A breached service level: the gateway escalates it; a category's escalation settings are kept by those who keep the service levels.
  | 'escalate-breach' | 'set-escalation'
  // Sensor thresholds: reading and keeping the rules; a device's reading judged against its room's rules.
  | 'read-thresholds' | 'manage-thresholds' | 'take-reading'
  // Vendors and work orders: the directory of vendors; sending, following, verifying and withdrawing orders.
  | 'read-vendors' | 'manage-vendors' | 'read-work-orders' | 'send-work-order' | 'verify-work-order' | 'withdraw-work-order'
  // The gateway's chase of an unanswered work order: reminders, then a task.
  | 'remind-work-order'
  // What a vendor does on a work order sent to them.
  | 'view-work-order' | 'accept-work-order' | 'decline-work-order' | 'comment-work-order' | 'add-work-order-files' | 'start-work-order' | 'report-work-order-done';

/**
 * How far a grant reaches: `any` ticket; only the actor's `own` (assigned to them); their
 * `team`'s; tickets of the `room` a door panel or device stands in. A grant with several
 * scopes needs all of them; several grants of one right to a role reach as far as any of them.
 * The scope of `view` hides a ticket outright: every other right is asked only about tickets
 * the actor sees, except `create` and `report`, which bring a ticket into being.
 * Tenants: `reporter` is a request they reported or that was shared with them (linked to
 * them); `company` one of their company's. A tenant's `view` is `read-requests`.
 * Occupants: `tracked` is an order reached through its tracking link, their only key to it.
 */
export type Scope = 'any' | 'own' | 'team' | 'room' | 'reporter' | 'company' | 'tracked';

export interface Grant {
  role: Role;
  right: Right;
  scope: readonly Scope[];
  /** The ticket statuses in which the right applies; `null` where it is not about a ticket's status. */
  statuses: readonly TicketStatus[] | null;
}

/** In which statuses a ticket accepts each action: the lifecycle, as columns of the rights table. */
const lifecycle: Record<TicketAction, readonly TicketStatus[]> = {
  assign: ['new', 'assigned', 'rejected', 'escalated'],
  claim: ['new', 'escalated'],
  transfer: ['assigned', 'in_progress', 'rejected', 'escalated'],
  start: ['assigned', 'rejected', 'escalated'],
  complete: ['in_progress'],
  approve: ['done'],
  reject: ['done'],
  escalate: ['new', 'assigned', 'in_progress', 'rejected'],
  cancel: ['new', 'assigned', 'in_progress', 'rejected', 'escalated'],
  comment: Statuses.options,
  accept: ['assigned'],
};
/** A checklist is ticked while the job is worked, and added to while it is open. */
const checklistStatuses: Partial<Record<Right, readonly TicketStatus[]>> = {
  'tick-checklist': ['assigned', 'in_progress', 'rejected', 'escalated'],
  'add-checklist-item': ['new', 'assigned', 'in_progress', 'rejected', 'escalated'],
};
const statusesOf = (right: Right): readonly TicketStatus[] | null =>
  right === 'comment-internal' ? Statuses.options : (lifecycle as Partial<Record<Right, readonly TicketStatus[]>>)[right] ?? checklistStatuses[right] ?? null;

function grant(role: Role, scope: Scope | readonly Scope[], rights: readonly Right[]): Grant[] {
  const scopes = typeof scope === 'string' ? [scope] : scope;
  return rights.map((right) => ({ role, right, scope: scopes, statuses: statusesOf(right) }));
}

const managing: readonly Right[] = ['view', 'create', 'assign', 'claim', 'transfer', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'set-room-status', 'set-alternative-room', 'read-audit', 'manage-devices', 'set-rejection-policy', 'read-directory', 'manage-directory', 'link', 'reply', 'set-names'];

/**
 * Who may do what: one row per role × right, with its scope and the statuses in which it
 * applies. Everything that asks "may this actor do this?" reads these rows through
 * `refusal`; nothing else compares roles.
 */
export const grants: readonly Grant[] = [
  ...grant('occupant', 'any', ['report', 'dispute']),
  // Staff see their teams' tickets and those given to them; they open tasks for any team.
  ...grant('staff', 'team', ['view']),
  ...grant('staff', 'own', ['view']),
  ...grant('staff', 'any', ['create', 'comment', 'comment-internal']),
  // Staff read the directory and answer reporters on the tickets they see; supervisors also keep the directory.
  ...grant('staff', 'any', ['read-directory', 'link', 'reply']),
  ...grant('staff', 'team', ['claim']),
  ...grant('staff', 'own', ['transfer']),
  ...grant('staff', ['own', 'team'], ['start', 'complete']),
  // A vendor sees and acts on the work given to them, nothing else.
  ...grant('vendor', 'own', ['view', 'accept', 'start', 'complete', 'comment']),
  ...grant('supervisor', 'any', ['view', 'create', 'assign', 'claim', 'transfer', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'read-audit']),
  ...grant('supervisor', 'any', ['read-directory', 'manage-directory', 'link', 'reply']),
  ...grant('supervisor', 'own', ['start', 'complete']),
  // Supervisors know the rooms of their floors: which one to send people to while one is out of use.
  ...grant('supervisor', 'any', ['set-alternative-room']),
  ...grant('floor_manager', 'any', ['view', 'create', 'assign', 'transfer', 'approve', 'reject', 'escalate', 'cancel', 'comment', 'comment-internal', 'read-audit']),
  ...grant('floor_manager', 'any', ['read-directory', 'link', 'reply']),
  ...grant('reception', 'any', ['view', 'create', 'assign', 'approve', 'reject', 'escalate', 'comment', 'comment-internal']),
  // Reception takes the calls: it reads the directory, links and answers.
  ...grant('reception', 'any', ['read-directory', 'link', 'reply']),
  ...grant('facility_head', 'any', managing),
  ...grant('facility_head', 'own', ['start', 'complete']),
  ...grant('admin', 'any', managing),
  ...grant('admin', 'own', ['start', 'complete']),
  // A door panel is signed in with its room's PIN, which supervisors hold; it acts in its room only.
  ...grant('panel', 'room', ['view', 'create', 'approve', 'reject', 'comment', 'comment-internal']),
  // A sign, e-paper display or QR stand (role `device`) shows and reports; it decides nothing.
  ...grant('system', 'any', ['create', 'assign', 'escalate', 'cancel', 'comment', 'comment-internal', 'set-room-status', 'watch-devices']),
  // Mail taken in links its ticket to the directory person who wrote it; keeping the directory stays with people.
  ...grant('system', 'any', ['link']),
  // An unknown sender is kept as a contact (and found again by their address); nothing else of the directory.
  ...grant('system', 'any', ['add-contact']),
  // Head office, through the cloud bridge: dispatch, a room's status, a category's rejection policy.
  ...grant('head_office', 'any', ['view', 'assign', 'comment', 'comment-internal', 'set-room-status', 'set-rejection-policy']),
  // Dispatch: everyone who works tickets says when they are on duty; supervisors for their teams too.
  // Skills are kept by supervisors for their teams and by the facility head; automatic dispatch per category by the facility head.
  ...grant('staff', 'own', ['set-duty']),
  ...grant('supervisor', 'own', ['set-duty']),
  ...grant('supervisor', 'team', ['set-duty', 'set-skills']),
  ...grant('facility_head', 'any', ['set-duty', 'set-skills', 'set-auto-dispatch']),
  ...grant('admin', 'any', ['set-duty', 'set-skills', 'set-auto-dispatch']),
  // Consumables. A store's movements (`own`: the store's owner) are kept by its owner, supervisors and the
  // facility head; a job's (`own`: the job's assignee) by whoever holds the job, supervisors and the facility head.
  ...grant('staff', 'any', ['view-stock']),
  ...grant('staff', 'own', ['receive-stock', 'issue-stock', 'dispose-stock', 'request-stock', 'use-stock', 'return-stock']),
  ...grant('supervisor', 'any', ['view-stock', 'receive-stock', 'issue-stock', 'dispose-stock', 'request-stock', 'use-stock', 'return-stock']),
  ...grant('floor_manager', 'any', ['view-stock']),
  ...grant('facility_head', 'any', ['view-stock', 'manage-stock', 'receive-stock', 'issue-stock', 'dispose-stock', 'request-stock', 'use-stock', 'return-stock']),
  ...grant('admin', 'any', ['view-stock', 'manage-stock', 'receive-stock', 'issue-stock', 'dispose-stock', 'request-stock', 'use-stock', 'return-stock']),
  // The gateway raises low-stock tasks, and disposes of a paid job's used units.
  ...grant('system', 'any', ['watch-stock', 'dispose-stock']),
  // Announcements are written by the property side (the facility head, floor managers, reception);
  // the gateway's clock starts and expires them. Everyone signed in reads those meant for them.
  ...grant('facility_head', 'any', ['manage-announcements']),
  ...grant('admin', 'any', ['manage-announcements']),
  ...grant('floor_manager', 'any', ['manage-announcements']),
  ...grant('reception', 'any', ['manage-announcements']),
  ...grant('system', 'any', ['manage-announcements']),
  ...grant('staff', 'own', ['read-announcements']),
  ...grant('supervisor', 'own', ['read-announcements']),
  ...grant('floor_manager', 'own', ['read-announcements']),
  ...grant('reception', 'own', ['read-announcements']),
  ...grant('facility_head', 'own', ['read-announcements']),
  ...grant('admin', 'own', ['read-announcements']),
  ...grant('tenant', 'own', ['read-announcements']),
  ...grant('staff', 'own', ['subscribe-push']),
  ...grant('supervisor', 'own', ['subscribe-push']),
  ...grant('floor_manager', 'own', ['subscribe-push']),
  ...grant('reception', 'own', ['subscribe-push']),
  ...grant('facility_head', 'own', ['subscribe-push']),
  ...grant('admin', 'own', ['subscribe-push']),
  ...grant('tenant', 'own', ['subscribe-push']),
  ...grant('tenant_admin', 'own', ['subscribe-push']),
  ...grant('system', 'any', ['subscribe-push']),
  ...grant('tenant_admin', 'own', ['read-announcements']),
  // Paid services. Occupants book through a room's code and cancel through their tracking link;
  // reception books for callers. Staff add items to the jobs they work; supervisors to any.
  // The payment side reports money as the gateway itself (or head office, for notifications received centrally).
  ...grant('occupant', 'any', ['place-order']),
  ...grant('occupant', 'tracked', ['cancel-order', 'pay-order']),
  ...grant('reception', 'any', ['place-order', 'read-orders', 'cancel-order']),
  ...grant('staff', ['own', 'team'], ['add-order-item']),
  ...grant('supervisor', 'any', ['read-orders', 'add-order-item', 'cancel-order']),
  ...grant('floor_manager', 'any', ['read-orders']),
  ...grant('facility_head', 'any', ['manage-services', 'place-order', 'read-orders', 'add-order-item', 'cancel-order', 'settle-order']),
  ...grant('admin', 'any', ['manage-services', 'place-order', 'read-orders', 'add-order-item', 'cancel-order', 'settle-order']),
  ...grant('system', 'any', ['add-order-item', 'cancel-order', 'settle-order', 'expire-order', 'pay-order']),
  ...grant('head_office', 'any', ['settle-order']),
  // The gateway asks the ledger for the payment a booking paid at order needs.
  ...grant('system', 'any', ['charge']),
  // The tenant portal. A person reads the requests they reported and those shared with them; their
  // company's tenant administrator reads all of the company's. Both file requests for their unit,
  // answer approvals on what they see, answer surveys and read the documents meant for them.
  ...grant('tenant', 'reporter', ['read-requests', 'decide-approval']),
  ...grant('tenant', 'any', ['open-request', 'answer-survey']),
  // A tenant reads a document only where its place reaches them: the building, their floor, their unit, their company.
  ...grant('tenant', 'company', ['read-documents']),
  ...grant('tenant_admin', 'reporter', ['read-requests', 'decide-approval']),
  ...grant('tenant_admin', 'company', ['read-requests', 'decide-approval']),
  ...grant('tenant_admin', 'any', ['open-request', 'answer-survey']),
  ...grant('tenant_admin', 'company', ['read-documents']),
  // The property team asks tenants for approvals, keeps documents and surveys.
  ...grant('supervisor', 'any', ['request-approval', 'read-documents', 'manage-documents']),
  ...grant('reception', 'any', ['request-approval', 'read-documents']),
  ...grant('floor_manager', 'any', ['request-approval', 'read-documents']),
  ...grant('staff', 'any', ['read-documents']),
  ...grant('facility_head', 'any', ['request-approval', 'read-documents', 'manage-documents', 'manage-surveys']),
  ...grant('admin', 'any', ['request-approval', 'read-documents', 'manage-documents', 'manage-surveys']),
  // Payments: the desk and the managers charge and read the ledger; refunds need a manager. A provider's notice,
  // its signature checked, is taken by the site itself, or by head office's server passing it down.
  ...grant('reception', 'any', ['charge', 'read-payments']),
  ...grant('supervisor', 'any', ['charge', 'read-payments', 'refund']),
  ...grant('facility_head', 'any', ['charge', 'read-payments', 'refund']),
  ...grant('admin', 'any', ['charge', 'read-payments', 'refund']),
  ...grant('system', 'any', ['take-payment', 'refund']),
  ...grant('head_office', 'any', ['take-payment']),
  // Service levels: the facility head and admins keep the calendar and the targets; whoever runs tickets reads them.
  ...grant('facility_head', 'any', ['manage-service-levels', 'read-service-levels']),
  ...grant('admin', 'any', ['manage-service-levels', 'read-service-levels']),
  ...grant('supervisor', 'any', ['read-service-levels']),
  ...grant('floor_manager', 'any', ['read-service-levels']),
  ...grant('reception', 'any', ['read-service-levels']),
  ...grant('staff', 'any', ['read-service-levels']),
  // Planned work: everyone who works tickets sees the calendar; supervisors and the facility head keep it;
  // the gateway's generator makes each occurrence's ticket.
  ...grant('staff', 'any', ['read-schedules']),
  ...grant('supervisor', 'any', ['read-schedules', 'manage-schedules']),
  ...grant('floor_manager', 'any', ['read-schedules']),
  ...grant('reception', 'any', ['read-schedules']),
  ...grant('facility_head', 'any', ['read-schedules', 'manage-schedules']),
  ...grant('admin', 'any', ['read-schedules', 'manage-schedules']),
  ...grant('system', 'any', ['run-schedules']),
  // Checklists: the worker ticks their own job's items; supervisors any; staff of the team add items.
  ...grant('staff', 'own', ['tick-checklist']),
  ...grant('staff', 'team', ['add-checklist-item']),
  ...grant('staff', 'own', ['add-checklist-item']),
  ...grant('supervisor', 'any', ['tick-checklist', 'add-checklist-item']),
  ...grant('floor_manager', 'any', ['add-checklist-item']),
  ...grant('facility_head', 'any', ['tick-checklist', 'add-checklist-item']),
  ...grant('admin', 'any', ['tick-checklist', 'add-checklist-item']),
  ...grant('staff', 'own', ['set-waiting']),
  ...grant('staff', 'team', ['set-waiting']),
  ...grant('supervisor', 'any', ['set-waiting']),
  ...grant('floor_manager', 'any', ['set-waiting']),
  ...grant('reception', 'any', ['set-waiting']),
  ...grant('facility_head', 'any', ['set-waiting']),
  ...grant('admin', 'any', ['set-waiting']),
  ...grant('system', 'any', ['start-sla-clocks']),
  ...grant('system', 'any', ['escalate-breach']),
  ...grant('facility_head', 'any', ['set-escalation']),
  ...grant('admin', 'any', ['set-escalation']),
  ...grant('supervisor', 'any', ['read-thresholds']),
  ...grant('floor_manager', 'any', ['read-thresholds']),
  ...grant('facility_head', 'any', ['read-thresholds', 'manage-thresholds']),
  ...grant('admin', 'any', ['read-thresholds', 'manage-thresholds']),
  ...grant('device', 'room', ['take-reading']),
  ...grant('panel', 'room', ['take-reading']),
  // Work orders. Those who keep the directory keep the vendors; rejecting a reported-done order is the
  // `reject` right above, as for any service. A vendor's scope `own` is the one work order their link opens.
  ...grant('supervisor', 'any', ['read-vendors', 'manage-vendors', 'read-work-orders', 'send-work-order', 'verify-work-order', 'withdraw-work-order', 'comment-work-order']),
  ...grant('floor_manager', 'any', ['read-vendors', 'read-work-orders', 'send-work-order', 'verify-work-order', 'withdraw-work-order', 'comment-work-order']),
  ...grant('reception', 'any', ['read-vendors', 'read-work-orders', 'comment-work-order']),
  ...grant('facility_head', 'any', ['read-vendors', 'manage-vendors', 'read-work-orders', 'send-work-order', 'verify-work-order', 'withdraw-work-order', 'comment-work-order']),
  ...grant('admin', 'any', ['read-vendors', 'manage-vendors', 'read-work-orders', 'send-work-order', 'verify-work-order', 'withdraw-work-order', 'comment-work-order']),
  ...grant('system', 'any', ['remind-work-order']),
  ...grant('vendor', 'own', ['view-work-order', 'accept-work-order', 'decline-work-order', 'comment-work-order', 'add-work-order-files', 'start-work-order', 'report-work-order-done']),
];

/** The right whose scope says which tickets a role sees at all: `view`, or a tenant's `read-requests`. */
export function viewRightOf(role: Role): Right {
  return grants.some((g) => g.role === role && g.right === 'view') ? 'view'
    : grants.some((g) => g.role === role && g.right === 'read-requests') ? 'read-requests' : 'view';
}

export function grantsOf(role: Role, right: Right): Grant[] {
  return grants.filter((g) => g.role === role && g.right === right);
}

export function may(role: Role, right: Right): boolean {
  return grants.some((g) => g.role === role && g.right === right);
}

/**
 * The ticket a booking opens for its job, by the right the booker holds: a `report` for those
 * who report (an occupant at a room's code), a `task` for those who create tickets (the desk,
 * the facility head booking for a caller).
 */
export function bookingTicketKind(role: Role): Extract<TicketKind, 'report' | 'task'> {
  return may(role, 'report') ? 'report' : 'task';
}

/** The rights a role holds, in the table's order. */
export function rightsOf(role: Role): Right[] {
  return [...new Set(grants.filter((g) => g.role === role).map((g) => g.right))];
}

export function rolesWith(right: Right): Role[] {
  return [...new Set(grants.filter((g) => g.right === right).map((g) => g.role))];
}

/** The actions a ticket accepts in a status, whoever asks. */
export function actionsIn(status: TicketStatus): TicketAction[] {
  return (Object.keys(lifecycle) as TicketAction[]).filter((action) => lifecycle[action].includes(status));
}
