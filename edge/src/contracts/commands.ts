import type { ActionResult, OccupantTicket } from './http.ts';
import type { Attachment, Category, Device, DeviceKind, Priority, Room, RoomStatus, Team, Ticket, TicketKind } from './domain.ts';
import type { Names, PhraseLanguage } from './phrase.ts';
import type { CategoryId, DeviceId, RoomId, TeamId, TicketId, Username } from './ids.ts';
import type { Installation, InstallationFields, PersonFields, PersonRecord, Unit, UnitFields } from './directory.ts';
import type { InquiryReporter } from './inquiry.ts';
import type { DutyState, SkillsState } from './dispatch.ts';
import type { Approval, ApprovalSubject } from './portal.ts';
import type { MovementKind, StockItem, StockMoveResult, StockStore } from './stock.ts';
import type { Announcement, AnnouncementReceipt, CreateAnnouncementBody } from './announcement.ts';
import type { OrderBody, Order, OrderPlaced } from './orders.ts';
import type { Service, ServiceFields, ServiceId, ServiceSettings, SlotSchedule } from './services.ts';
import type { NoticeOutcome, PaymentNotice, PaymentView, ProviderId, Refund } from './payments.ts';
import type { WorkingCalendar } from './working-hours.ts';
import type { Schedule, ScheduleBody, SchedulePatch } from './schedules.ts';
import type { SlaTargets } from './service-levels.ts';
import type { WaitReason } from './sla-clock.ts';
import type { BreachKind, EscalationSettings, SlaEscalation } from './sla-escalation.ts';
import type { ThresholdBody, ThresholdPatch, ThresholdRule } from './thresholds.ts';
import type { Money, Vendor, VendorBody, VendorPatch, WorkOrder } from './work-orders.ts';
import type { DocumentMeta, SiteDocument, DocumentFile } from './documents.ts';
import type { AnswerSurveyBody, CreateSurveyBody, Survey, SurveyResponse } from './surveys.ts';

/** What a caller asks of one ticket. */
export type TicketCommand =
  | { type: 'assign'; assignee?: Username; team?: TeamId; note?: string }
  | { type: 'claim'; note?: string }
  | { type: 'accept'; note?: string }
  | { type: 'transfer'; to: Username; note?: string }
  | { type: 'release'; note?: string }
  | { type: 'start'; note?: string }
  | { type: 'complete'; note?: string; photos?: string[] }
  | { type: 'approve'; notes?: string }
  | { type: 'reject'; reason: string; notes?: string; photos?: string[]; checklistItem?: string }
  | { type: 'escalate'; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'comment'; text: string; internal: boolean }
  | { type: 'attach'; attachments: Attachment[] };

/** What an occupant asks through a room's QR code or a tracking link. */
export type OccupantCommand =
  | { type: 'add-occupant-note'; ticket: TicketId; text: string; attachments: Attachment[] }
  | { type: 'dispute'; reason: string; notes?: string; attachments: Attachment[] }
  | { type: 'rate'; score: number; comment?: string };

/** A new ticket: an occupant's report, a staff task or inquiry, a device's request, the gateway's own alert. */
export interface OpenTicketCommand {
  type: 'open-ticket';
  kind: TicketKind;
  category: CategoryId;
  priority: Priority;
  title?: string;
  description: string;
  assignee?: Username;
  contact?: string;
  attachments?: Attachment[];
  /** The device whose offline alert this ticket is. */
  alertFor?: DeviceId;
}

export type RoomCommand =
  | { type: 'set-room-status'; status: RoomStatus; reason: string }
  | { type: 'rotate-qr' }
  /** Names the room to use instead while this one is out of use; `null` clears it. */
  | { type: 'set-alternative-room'; room: RoomId | null };

/**
 * Names people typed, in other languages: each map given replaces the one held (`{}` clears
 * it); a map not given stays. `languages` is the room's label languages.
 */
export type NamesCommand = {
  type: 'set-names'; names?: Names; zoneNames?: Names; reasonNames?: Record<string, Names>; languages?: PhraseLanguage[] | null;
};

export type DeviceAdminCommand =
  | { type: 'register-device'; kind: DeviceKind; room: RoomId }
  | { type: 'rebind-device'; room: RoomId }
  | { type: 'rotate-device-secret' }
  | { type: 'revoke-device' }
  | { type: 'close-offline-alert' };

export type CategoryCommand = { type: 'set-rejection-policy'; policy: Record<string, unknown> } | { type: 'define-category'; category: Category }
  /** Whether new and returned tickets of the category go to the top-ranked person on duty. */
  | { type: 'set-auto-dispatch'; autoDispatch: boolean }
  /** The rating at or below which a job of the category reopens (0: never). */
  | { type: 'set-rating-threshold'; threshold: number };

/** Documents (target: the document; a new one: `{documents: true}`); the file is stored before, under `file.id`. */
export type DocumentCommand =
  | ({ type: 'upload-document'; file: DocumentFile } & DocumentMeta)
  | { type: 'withdraw-document' };

/** General surveys (target: the survey; a new one: `{surveys: true}`); a targeted tenant answers once. */
export type SurveyCommand =
  | ({ type: 'create-survey' } & CreateSurveyBody)
  | { type: 'close-survey' }
  | ({ type: 'answer-survey' } & AnswerSurveyBody);

/** Vendors and the work orders sent to them. Targets: `{ticket}` or `{directory}` to create, `{workOrder}`, `{vendor}`. */
export type WorkOrderCommand =
  | { type: 'define-vendor'; vendor: VendorBody }
  | { type: 'update-vendor'; changes: VendorPatch }
  | {
    type: 'create-work-order'; vendor: string; instructions: string; dueAt?: string; costLimit?: Money; responsible?: Username; shareReporterContact: boolean;
    /** For one made on its own; one made from a ticket takes the ticket's. */
    title?: string; description?: string; room?: RoomId;
  }
  | { type: 'accept-work-order'; note?: string }
  | { type: 'decline-work-order'; reason: string }
  | { type: 'comment-work-order'; text: string }
  | { type: 'add-work-order-files'; attachments: Attachment[] }
  | { type: 'start-work-order'; note?: string }
  | { type: 'report-work-order-done'; notes: string; minutes: number; attachments?: Attachment[] }
  | { type: 'verify-work-order'; note?: string }
  | { type: 'reject-work-order'; reason: string }
  | { type: 'withdraw-work-order'; reason: string }
  /** A contact's link to the order: a new one (any earlier one of theirs revoked), or taken back. */
  | { type: 'issue-work-order-link'; contact: string }
  | { type: 'revoke-work-order-link'; contact: string }
  /** The gateway's chase of an order the vendor has not answered: the reminder (or the task) now due. */
  | { type: 'remind-work-order' };

/** Who takes work: a person on or off duty (target: the user), their skills (target: the user). */
export type DispatchCommand =
  | { type: 'set-duty'; onDuty: boolean }
  | { type: 'set-skills'; categories: CategoryId[] };

/**
 * Consumables: stores and their items (target: the store, a new item, the item), and every
 * change of stock as one movement of the ledger (target: the item).
 */
export type StockCommand =
  | { type: 'define-stock-store'; store: Omit<StockStore, 'id'> }
  | { type: 'define-stock-item'; item: Omit<StockItem, 'id' | 'level' | 'alert'> }
  | { type: 'update-stock-item'; changes: Partial<Pick<StockItem, 'name' | 'unit' | 'cost' | 'minimum' | 'billable'>> }
  | { type: 'move-stock'; kind: MovementKind; quantity: number; ticket?: TicketId; note?: string }
  /** The gateway's own: a task for the store's owner when the item fell below its minimum and has none for this dip. */
  | { type: 'raise-stock-alert' };

/** Planned work (target: the schedule, or `{ directory: true }` for a new one); `run-schedule` makes what is due. */
export type ScheduleCommand =
  | { type: 'create-schedule'; schedule: ScheduleBody }
  | { type: 'update-schedule'; changes: SchedulePatch }
  | { type: 'remove-schedule' }
  | { type: 'run-schedule' };

/** A ticket's checklist (target: the ticket). */
export type ChecklistCommand =
  | { type: 'tick-checklist-item'; item: string; done: boolean }
  | { type: 'add-checklist-item'; text: string };

/** Service levels: the site's working-hours calendar and targets (target: the site). */
export type ServiceLevelCommand =
  | { type: 'set-working-calendar'; calendar: WorkingCalendar }
  | { type: 'set-sla-targets'; targets: SlaTargets }
  /** A ticket starts waiting for the tenant, a vendor or a booked visit, or is worked again (`null`); target: the ticket. */
  | { type: 'set-waiting'; waiting: WaitReason | null; note?: string }
  /** A ticket from before clocks were kept gets them, worked out from its history; the gateway does it once at start. Target: the ticket. */
  | { type: 'start-sla-clocks' };

/**
 * Escalation of breached service levels: the gateway's clock escalates one breach of a ticket
 * (target: the ticket), once; a category's settings say what that does (target: the category).
 */
export type EscalationCommand =
  | { type: 'escalate-breach'; breach: BreachKind }
  | { type: 'set-escalation'; escalation: EscalationSettings };

/**
 * Sensor thresholds: rules kept by the facility team (target: `{thresholds: true}` for a new one,
 * else the rule), and a device's reading judged against its room's rules (target: the device).
 */
export type ThresholdCommand =
  | { type: 'define-threshold'; rule: ThresholdBody }
  | { type: 'update-threshold'; changes: ThresholdPatch }
  | { type: 'remove-threshold' }
  | { type: 'take-reading'; sensor: string; value: number };

export type SessionCommand =
  | { type: 'open-session'; kind: 'user' | 'panel'; role: string }
  /** Signing out: the session behind this token ends at once, and with it the live sockets it opened. */
  | { type: 'close-session'; token: string };

/** The directory of persons, units and installations. */
export type DirectoryCommand =
  | { type: 'create-person'; person: Omit<PersonRecord, 'id' | 'updatedAt'> }
  | { type: 'update-person'; changes: PersonFields }
  | { type: 'create-unit'; unit: Omit<Unit, 'id' | 'updatedAt'> }
  | { type: 'update-unit'; changes: UnitFields }
  | { type: 'create-installation'; installation: Omit<Installation, 'id' | 'updatedAt'> }
  | { type: 'update-installation'; changes: InstallationFields }
  /** The sender of a mail, kept as a contact: the person with that address (any case), else a new one. */
  | { type: 'add-contact'; email: string; name: string; language: PersonRecord['language'] };

/** The tenant portal: a sign-in link asked for by mail address and spent once; a request filed for the tenant's unit. */
export type PortalCommand =
  | { type: 'send-portal-link'; email: string }
  | { type: 'spend-portal-link'; token: string }
  | { type: 'open-request'; room: RoomId; category: CategoryId; title: string; description: string; priority: Priority }
  /** Staff ask the tenant to approve a quote or a vendor's visit (target: the ticket); the tenant answers (target: the approval). */
  | { type: 'request-approval'; subject: ApprovalSubject; note: string }
  | { type: 'decide-approval'; decision: 'approve' | 'decline'; comment?: string };

/** Inquiries: staff take one by hand, link a ticket, answer the reporter, open child tasks. */
export type InquiryCommand =
  | { type: 'open-inquiry'; reporter: InquiryReporter; category: CategoryId; title: string; description: string; priority: Priority; assignee?: Username }
  | { type: 'link-ticket'; persons?: string[]; unit?: string | null; installation?: string | null }
  | { type: 'reply'; text: string; attachments?: string[] }
  | { type: 'open-child'; kind: 'task' | 'work_order'; title: string; description: string; team?: TeamId; assignee?: Username; priority?: Priority };

/** The catalogue of paid services: a service (target: the service), its bookable slots, the site's currency (target: the catalogue). */
export type ServiceCommand =
  | { type: 'define-service'; service: ServiceFields }
  | { type: 'set-service-slots'; schedule: SlotSchedule }
  | { type: 'set-service-settings'; settings: ServiceSettings };

/**
 * Orders of paid services. `place-order` (target: the room and its sticker code) books a slot;
 * the others act on one order (target: the order, or the occupant's tracking link).
 * `settle-order` is how the payment side reports money taken or given back.
 */
export type OrderCommand =
  | ({ type: 'place-order' } & OrderBody)
  | { type: 'add-order-item'; label: string; quantity: number; unitPrice: number }
  | { type: 'add-order-consumable'; label: string; quantity: number; unitCost: number; ref: string }
  | { type: 'cancel-order'; reason: string }
  | { type: 'settle-order'; kind: 'paid' | 'refunded'; amount: number; reference: string }
  | { type: 'expire-order-hold' }
  /** A payment for what is due on an order left unpaid (a booking within its hold, billed work), through the site's provider. */
  | { type: 'pay-order'; provider: ProviderId };

/** Payments: one asked for an order (target: the order), a provider's verified notice (target: the provider), a refund (target: the payment). */
export type PaymentCommand =
  | { type: 'create-payment'; provider: ProviderId; amount: number; currency: string; company?: string }
  | { type: 'take-payment-notice'; notice: PaymentNotice }
  | { type: 'refund-payment'; amount: number; reason: string }
  /** The gateway records where the payer pays, as the provider answered when asked to open the payment. */
  | { type: 'record-pay-link'; payAt: string }
  /** The gateway records the provider's answer to a refund asked of it (target: the refund). */
  | { type: 'record-refund-answer'; outcome: 'done' | 'failed' | 'requested'; reference?: string; failure?: string }
  /** The gateway records what the provider said when asked how a refund under way stands (target: the refund). */
  | { type: 'record-refund-check'; outcome: 'done' | 'failed' | 'processing' | 'unreachable'; reference?: string; failure?: string }
  /** A failed refund asked of the provider again, as a new refund of the same amount (target: the refund). */
  | { type: 'retry-refund' };

/**
 * Announcements (target: the announcement; a new one: `{announcements: true}`). The gateway's
 * clock starts and expires them; staff may take one down early; a signed-in reader marks it read.
 */
export type AnnouncementCommand =
  | ({ type: 'create-announcement' } & CreateAnnouncementBody)
  | { type: 'start-announcement' }
  | { type: 'expire-announcement' }
  | { type: 'withdraw-announcement' }
  | { type: 'read-announcement' };

/** Web Push on the signed-in person's phone (target: the person, as the actor ref); a gone endpoint is removed by the gateway. */
export type PushCommand =
  | { type: 'subscribe-push'; endpoint: string; p256dh: string; auth: string }
  | { type: 'unsubscribe-push'; endpoint: string };

export type Command = ThresholdCommand | EscalationCommand | DocumentCommand | SurveyCommand | WorkOrderCommand | PushCommand | ScheduleCommand | ChecklistCommand | ServiceCommand | OrderCommand | StockCommand | ServiceLevelCommand | AnnouncementCommand | PortalCommand | PaymentCommand | DispatchCommand | DirectoryCommand | InquiryCommand | TicketCommand | OccupantCommand | OpenTicketCommand | RoomCommand | DeviceAdminCommand | CategoryCommand | SessionCommand | NamesCommand;
export type CommandType = Command['type'];

/** What a command acts on. A QR code or tracking link is the occupant's key to it. */
export type Target =
  | { ticket: TicketId }
  | { room: RoomId; qr?: string }
  | { track: string }
  | { device: DeviceId }
  | { category: CategoryId }
  | { team: TeamId }
  | { user: Username }
  | { order: string }
  | { payment: string }
  | { refund: string }
  | { provider: ProviderId }
  | { schedule: string }
  | { panel: RoomId }
  | { person: string }
  | { workOrder: string }
  | { vendor: string }
  | { unit: string }
  | { installation: string }
  /** A new directory entry: nothing to name yet. */
  | { directory: true }
  | { stockStore: string }
  | { stockItem: string }
  /** A new stock item: nothing to name yet. */
  | { stock: true }
  | { announcement: string }
  /** A new announcement. */
  | { announcements: true }
  /** Whose push subscriptions (an actor ref). */
  | { pushOwner: string }
  | { service: ServiceId }
  | { order: string }
  /** The catalogue as a whole: its settings. */
  | { catalogue: true }
  /** The tenant portal as a whole: a sign-in link asked for or spent. */
  | { portal: true }
  | { approval: string }
  /** The site as a whole: its working-hours calendar, its service levels. */
  | { site: true }
  | { document: string }
  /** A new document. */
  | { documents: true }
  | { survey: string }
  /** A new survey. */
  | { surveys: true }
  | { threshold: string }
  /** A new threshold rule. */
  | { thresholds: true };

export type TicketActionResult = ActionResult;

/** What each command answers once it is committed. */
export interface CommandResults {
  ticket: TicketActionResult;
  'open-ticket': { ticket: Ticket; trackToken: string | null };
  'add-occupant-note': { ticket: OccupantTicket };
  dispute: { ticket: Ticket };
  rate: { ticket: Ticket };
  'set-room-status': Room;
  'rotate-qr': { room: Room; secret: string };
  'set-alternative-room': Room;
  device: { device: Device; secret: string | null };
  category: Category;
  'open-session': { token: string; expiresAt: string };
  'close-session': { closed: boolean };
  'create-person': PersonRecord;
  'update-person': PersonRecord;
  'create-unit': Unit;
  'update-unit': Unit;
  'create-installation': Installation;
  'update-installation': Installation;
  'add-contact': PersonRecord;
  'open-inquiry': { ticket: Ticket; trackToken: string };
  'link-ticket': { ticket: Ticket };
  reply: { ticket: Ticket };
  'open-child': { ticket: Ticket };
  'set-names': Room | Category | Team;
  'set-duty': DutyState;
  'set-skills': SkillsState;
  'define-stock-store': StockStore;
  'define-stock-item': StockItem;
  'update-stock-item': StockItem;
  'move-stock': StockMoveResult;
  'raise-stock-alert': StockItem;
  'create-announcement': Announcement;
  'start-announcement': Announcement;
  'expire-announcement': Announcement;
  'withdraw-announcement': Announcement;
  /** `first`: this reader had not read it before. */
  'read-announcement': AnnouncementReceipt & { first: boolean };
  'subscribe-push': { subscribed: boolean };
  'unsubscribe-push': { subscribed: boolean };
  'define-service': Service;
  'set-service-slots': Service;
  'set-service-settings': ServiceSettings;
  'place-order': Omit<OrderPlaced, 'payment'>;
  'add-order-item': Order;
  'add-order-consumable': Order;
  'cancel-order': Order;
  'pay-order': PaymentView;
  'settle-order': Order;
  'expire-order-hold': Order;
  'send-portal-link': { sent: true };
  'spend-portal-link': { token: string; expiresAt: string; person: string };
  'open-request': { ticket: Ticket };
  'request-approval': Approval;
  'decide-approval': Approval;
  'create-payment': PaymentView;
  'take-payment-notice': NoticeOutcome;
  'refund-payment': PaymentView;
  'record-pay-link': PaymentView;
  'record-refund-answer': Refund;
  'record-refund-check': Refund;
  'retry-refund': PaymentView;
  'set-working-calendar': WorkingCalendar;
  'create-schedule': Schedule;
  'update-schedule': Schedule;
  'remove-schedule': Schedule;
  'run-schedule': { made: { occurrence: string; ticket: string }[]; dropped: number };
  'tick-checklist-item': { ticket: Ticket };
  'add-checklist-item': { ticket: Ticket };
  'set-sla-targets': SlaTargets;
  'set-waiting': { ticket: Ticket };
  'start-sla-clocks': { ticket: string; started: boolean };
  'escalate-breach': SlaEscalation;
  'define-threshold': ThresholdRule;
  'update-threshold': ThresholdRule;
  'remove-threshold': ThresholdRule;
  /** The excursions the reading started, ended or opened work for. */
  'take-reading': { excursions: { rule: string; change: 'started' | 'ticket-opened' | 'ended'; ticket: string | null }[] };
  'set-escalation': Category;
  'define-vendor': Vendor;
  'update-vendor': Vendor;
  /** The order and, per vendor contact, the raw token of its link: shown once, stored only as a digest. */
  'create-work-order': { workOrder: WorkOrder; links: { contact: string; token: string }[] };
  'issue-work-order-link': { workOrder: WorkOrder; links: { contact: string; token: string }[] };
  'upload-document': SiteDocument;
  'withdraw-document': SiteDocument;
  'create-survey': Survey;
  'close-survey': Survey;
  'answer-survey': SurveyResponse;
}

export type ResultOf<C extends Command> =
  C extends TicketCommand ? CommandResults['ticket']
    : C extends DeviceAdminCommand ? CommandResults['device']
    : C extends Exclude<WorkOrderCommand, { type: 'define-vendor' | 'update-vendor' | 'create-work-order' | 'issue-work-order-link' }> ? WorkOrder
      : C extends CategoryCommand ? CommandResults['category']
        : C['type'] extends keyof CommandResults ? CommandResults[C['type']] : never;
