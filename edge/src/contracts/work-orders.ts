import { z } from 'zod';
import { Attachment } from './domain.ts';
import { AttachmentId, IsoTime, RoomId, TicketId, Username } from './ids.ts';
import { PersonLanguage } from './directory.ts';
import { CurrencyCode } from './payments.ts';
import { EmailAddress, OptionalText, PhoneNumber, Text } from './text.ts';

/** Ids the gateway hands out: vendors `V-x7Kq2m`, their contacts `C-x7Kq2m`, work orders `WO-1001`. */
export const VendorId = z.string().regex(/^V-[A-Za-z0-9_-]{4,24}$/, 'a vendor id looks like V-x7Kq2m');
export const ContactId = z.string().regex(/^C-[A-Za-z0-9_-]{4,24}$/, 'a contact id looks like C-x7Kq2m');
export const WorkOrderId = z.string().regex(/^WO-\d{1,9}$/, 'a work order id looks like WO-1001');
export type VendorId = z.infer<typeof VendorId>;
export type WorkOrderId = z.infer<typeof WorkOrderId>;


/** Money as an integer in the currency's minor units (cents, øre, fen), never a float. */
export const Money = z.strictObject({
  amount: z.number().int('an amount is a whole number of minor units (cents)').min(0, 'an amount is not negative').max(100_000_000_00),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export const VendorContact = z.object({
  id: ContactId,
  name: Text(120),
  email: EmailAddress,
  phone: PhoneNumber.nullable(),
  language: PersonLanguage,
});
export type VendorContact = z.infer<typeof VendorContact>;

/** A service party the facility team sends work to: a lift company, a locksmith, a glazier. */
export const Vendor = z.object({
  id: VendorId,
  name: Text(120),
  trade: Text(80),
  email: EmailAddress,
  language: PersonLanguage,
  /** Whether the vendor is reminded of work orders they have not answered. */
  reminders: z.boolean(),
  active: z.boolean(),
  contacts: z.array(VendorContact).max(20),
  updatedAt: IsoTime,
});
export type Vendor = z.infer<typeof Vendor>;

const ContactFields = { name: Text(120), email: EmailAddress, phone: PhoneNumber.nullable().default(null), language: PersonLanguage.default('en') };
export const VendorBody = z.strictObject({
  name: Text(120),
  trade: Text(80),
  email: EmailAddress,
  language: PersonLanguage.default('en'),
  reminders: z.boolean().default(true),
  contacts: z.array(z.strictObject(ContactFields)).min(1, 'a vendor has at least one contact').max(20),
});
export const VendorPatch = z.strictObject({
  name: Text(120).optional(),
  trade: Text(80).optional(),
  email: EmailAddress.optional(),
  language: PersonLanguage.optional(),
  reminders: z.boolean().optional(),
  active: z.boolean().optional(),
  /** Replaces the contacts; a contact given with its id keeps it (and its links). */
  contacts: z.array(z.strictObject({ id: ContactId.optional(), ...ContactFields })).min(1).max(20).optional(),
});
export type VendorBody = z.infer<typeof VendorBody>;
export type VendorPatch = z.infer<typeof VendorPatch>;
export const VendorParams = z.strictObject({ id: VendorId });
export const VendorList = z.object({ vendors: z.array(Vendor) });

/**
 * sent → accepted | declined → in_progress → done → verified, or rejected back to the
 * vendor (in_progress again); withdrawn by the team at any time before done.
 */
export const WorkOrderStatus = z.enum(['sent', 'accepted', 'declined', 'in_progress', 'done', 'verified', 'withdrawn']);
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;
/** The statuses in which the order still waits for someone: it holds its ticket open. */
export const openWorkOrderStatuses: readonly WorkOrderStatus[] = ['sent', 'accepted', 'in_progress', 'done'];

export const WorkOrderStep = z.object({
  at: IsoTime,
  actor: z.string(),
  action: z.string(),
  status: WorkOrderStatus,
  note: z.string().optional(),
});
export const WorkOrderComment = z.object({ at: IsoTime, by: z.string(), text: z.string() });
export const WorkOrderRejection = z.object({
  at: IsoTime, by: z.string(), reason: z.string(),
  /** What the ticket's category policy set going: the route, who it escalated to, a follow-up task, the room's status, the teams told. */
  triggered: z.optional(z.object({
    route: z.enum(['return', 'escalate']), escalatedTo: Username.nullable(), followUp: TicketId.nullable(),
    roomStatus: z.enum(['pending_recovery', 'do_not_use']).nullable(), notified: z.array(z.string()),
  })),
});

/**
 * The chase of an unanswered order: reminders sent so far (`sent`), the reminder slots passed
 * (`step`, a slot passes silently when the vendor has reminders off), when the next is due, and the
 * task raised for the responsible person once the last reminder went unanswered.
 */
export const WorkOrderReminders = z.object({
  sent: z.number().int().nonnegative(),
  step: z.number().int().nonnegative(),
  nextAt: IsoTime.nullable(),
  task: TicketId.nullable(),
});
export type WorkOrderReminders = z.infer<typeof WorkOrderReminders>;

export const WorkOrder = z.object({
  id: WorkOrderId,
  /** The ticket it was made from, or null for one made on its own. */
  ticket: TicketId.nullable(),
  vendor: VendorId,
  title: z.string(),
  description: z.string(),
  room: RoomId.nullable(),
  instructions: z.string(),
  /** When the team wants it done by. */
  dueAt: IsoTime.nullable(),
  costLimit: Money.nullable(),
  /** Who on the team answers for it: told of every vendor action. */
  responsible: Username,
  /** Whether the vendor may see the reporter's contact details. */
  shareReporterContact: z.boolean(),
  status: WorkOrderStatus,
  /** The ticket's files copied when the order was made, then the vendor's. */
  attachments: z.array(Attachment),
  comments: z.array(WorkOrderComment),
  rejections: z.array(WorkOrderRejection),
  declineReason: z.string().nullable(),
  report: z.object({ notes: z.string(), minutes: z.number().int().nonnegative() }).nullable(),
  history: z.array(WorkOrderStep),
  createdAt: IsoTime,
  sentAt: IsoTime,
  answeredAt: IsoTime.nullable(),
  startedAt: IsoTime.nullable(),
  doneAt: IsoTime.nullable(),
  closedAt: IsoTime.nullable(),
  updatedAt: IsoTime,
  /** Reminders to the vendor until they answer; absent on orders sent before reminders existed. */
  reminders: z.optional(WorkOrderReminders),
});
export type WorkOrder = z.infer<typeof WorkOrder>;

const OrderFields = {
  vendor: VendorId,
  instructions: OptionalText(4000).default(''),
  dueAt: IsoTime.optional(),
  costLimit: Money.optional(),
  responsible: Username.optional(),
  shareReporterContact: z.boolean().default(false),
};
/** `POST /api/tickets/{id}/work-orders`: the ticket's title, description and files go with it. */
export const TicketWorkOrderBody = z.strictObject(OrderFields);
/** `POST /api/work-orders`: a work order on its own. */
export const WorkOrderBody = z.strictObject({ ...OrderFields, title: Text(200), description: OptionalText(4000).default(''), room: RoomId.optional() });
export type TicketWorkOrderBody = z.infer<typeof TicketWorkOrderBody>;
export type WorkOrderBody = z.infer<typeof WorkOrderBody>;

export const WorkOrderParams = z.strictObject({ id: WorkOrderId });
export const WorkOrderQuery = z.strictObject({
  status: WorkOrderStatus.optional(),
  vendor: VendorId.optional(),
  ticket: TicketId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const WorkOrderList = z.object({ workOrders: z.array(WorkOrder) });

export const WorkOrderReasonBody = z.strictObject({ reason: Text(1000) });
export const WorkOrderNoteBody = z.strictObject({ note: OptionalText(2000).optional() });
export const WorkOrderCommentBody = z.strictObject({ text: Text(2000) });
/** Minutes spent may come as a form field (text) from the vendor's page. */
export const WorkOrderDoneBody = z.strictObject({ notes: OptionalText(4000).default(''), minutes: z.coerce.number().int().min(0).max(100_000) });

/** What a ticket shows of its work orders. */
export const TicketWorkOrders = z.object({ workOrders: z.array(WorkOrder.pick({ id: true, vendor: true, status: true, dueAt: true, responsible: true })) });

/** A work order as sent: with one link per vendor contact, shown this once (the gateway keeps only digests). */
export const SentWorkOrder = z.object({ workOrder: WorkOrder, links: z.array(z.object({ contact: ContactId, url: z.string() })) });
export const WorkOrderLinkParams = z.strictObject({ id: WorkOrderId, contact: ContactId });

/** What a vendor's link shows: the order, the room and its status, the files, and the reporter only where the team allows it. */
export const VendorWorkOrderView = z.object({
  workOrder: WorkOrder.pick({
    id: true, title: true, description: true, instructions: true, dueAt: true, costLimit: true, status: true, attachments: true,
    comments: true, rejections: true, declineReason: true, report: true, sentAt: true, answeredAt: true, startedAt: true, doneAt: true, closedAt: true,
  }),
  vendor: z.object({ id: VendorId, name: z.string() }),
  contact: z.object({ id: ContactId, name: z.string(), language: PersonLanguage }),
  room: z.object({ id: RoomId, name: z.string(), floor: z.number().nullable(), status: z.string() }).nullable(),
  reporter: z.object({ contact: z.string() }).nullable(),
  /** A closed order's link reads for 30 days after it closed, and acts no more. */
  readOnly: z.boolean(),
  /** What the vendor may do now: accept, decline, comment, files, start, done. */
  actions: z.array(z.enum(['accept', 'decline', 'comment', 'files', 'start', 'done'])),
  /**
   * Served by the central server: the vendor's steps it holds for the site, not applied there yet
   * (the status and actions above already count them), and when the site's copy was last synced.
   */
  queued: z.number().int().min(0).optional(),
  syncedAt: z.string().nullable().optional(),
});
export type VendorWorkOrderView = z.infer<typeof VendorWorkOrderView>;
/** 202 from the central server: the vendor's step is held for the site, which applies it through its own rules. */
export const VendorStepQueued = z.object({ command: z.string().uuid(), state: z.literal('pending') });
export type VendorStepQueued = z.infer<typeof VendorStepQueued>;
export const VendorTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a link token is 22 characters') });
export const VendorAttachmentParams = z.strictObject({ attachment: AttachmentId });
