import type { Category, Device, Room, Team, TeamNotification, Ticket } from './domain.ts';
import type { DeviceId, RoomId, TicketId } from './ids.ts';
import type { Installation, PersonRecord, Unit } from './directory.ts';
import type { DutyState, SkillsState } from './dispatch.ts';
import type { Approval } from './portal.ts';
import type { MovementKind, StockItem, StockMovement, StockStore } from './stock.ts';
import type { Announcement, AnnouncementReceipt } from './announcement.ts';
import type { Order } from './orders.ts';
import type { Service, ServiceSettings } from './services.ts';
import type { Payment, Refund } from './payments.ts';
import type { WorkingCalendar } from './working-hours.ts';
import type { Schedule } from './schedules.ts';
import type { SlaTargets } from './service-levels.ts';
import type { Vendor, WorkOrder } from './work-orders.ts';
import type { SlaEscalation } from './sla-escalation.ts';
import type { Excursion, ThresholdRule } from './thresholds.ts';
import type { SiteDocument } from './documents.ts';
import type { Survey, SurveyResponse } from './surveys.ts';

/** Whose session it is, as the log names it (never the token). */
export interface SessionState { kind: 'user' | 'panel' | 'tenant'; role: string; room?: RoomId }

/** What happened to a ticket, as its event names it. */
export type TicketEventType =
  | 'ticket-opened' | 'ticket-assigned' | 'ticket-claimed' | 'ticket-accepted' | 'ticket-transferred' | 'ticket-released'
  | 'ticket-started' | 'ticket-completed' | 'ticket-approved' | 'ticket-cancelled' | 'ticket-rejected' | 'ticket-escalated'
  | 'ticket-commented' | 'ticket-attachments-added'
  /** An answer to the reporter (the mail part sends it); `ticket-linked`: its persons, unit or installation changed. */
  | 'ticket-replied' | 'ticket-linked'
  /** The ticket started or stopped waiting for the tenant, a vendor or a booked visit. */
  | 'ticket-waiting-set'
  /** A checklist item ticked, unticked or added. */
  | 'ticket-checklist-changed'
  /** A breached service-level clock escalated: the priority raised or the ticket handed to the supervisor. */
  | 'ticket-sla-escalated'
  /** A vendor started the work of the ticket's work order, or reported it done: the reporter is told. */
  | 'ticket-work-started' | 'ticket-work-done';

/** What happened to an order of a paid service. */
export type OrderEventType =
  | 'order-placed' | 'order-paid' | 'order-refunded' | 'order-item-added' | 'order-started' | 'order-finished'
  | 'order-cancelled' | 'order-expired' | 'order-refund-failed';
/** What happened to a work order, as its event names it. */
export type WorkOrderEventType =
  | 'work-order-sent' | 'work-order-accepted' | 'work-order-declined' | 'work-order-commented' | 'work-order-files-added'
  | 'work-order-started' | 'work-order-done' | 'work-order-verified' | 'work-order-rejected' | 'work-order-withdrawn'
  /** A vendor contact's link was issued anew, or taken back. */
  | 'work-order-link-issued' | 'work-order-link-revoked'
  /** A reminder to the vendor (or its slot passed silently, reminders off); the last one unanswered raised a task. */
  | 'work-order-reminded' | 'work-order-unanswered';

export type DeviceEventType = 'device-registered' | 'device-rebound' | 'device-secret-rotated' | 'device-revoked';

/**
 * One write a decision asks for. The store writes each one's row and, for every kind
 * but the bookkeeping ones at the end, appends its event in the same transaction.
 */
export type Change =
  | { entity: 'ticket'; type: TicketEventType; state: Ticket; /** A tracking link handed out with a report, as its digest. */ trackDigest?: string;
    /** The link's plain token, only for the mail queued in the same transaction; never stored. */ trackToken?: string;
    /** On `ticket-linked`: the persons the link added, so the mail part tells them (in the same transaction). */ linkedPersons?: string[] }
  | { entity: 'room'; type: 'room-status-changed' | 'room-names-changed' | 'room-alternative-set'; state: Room }
  | { entity: 'room-qr'; type: 'room-qr-rotated'; state: { room: RoomId }; secret: string }
  | { entity: 'team'; type: 'team-notified'; state: TeamNotification }
  | { entity: 'rating'; type: 'ticket-rated'; trackDigest: string; state: { ticket: TicketId; room: RoomId; score: number; comment: string | null } }
  | { entity: 'device'; type: DeviceEventType; state: Device; /** A new secret; the store keeps only its digests. */ secret?: string }
  | { entity: 'category'; type: 'category-policy-changed' | 'category-defined' | 'category-names-changed' | 'category-dispatch-changed' | 'category-escalation-changed'; state: Category }
  | { entity: 'team-names'; type: 'team-names-changed'; state: Team }
  | { entity: 'person'; type: 'person-created' | 'person-updated'; state: PersonRecord }
  | { entity: 'unit'; type: 'unit-created' | 'unit-updated'; state: Unit }
  | { entity: 'installation'; type: 'installation-created' | 'installation-updated'; state: Installation }
  | { entity: 'duty'; type: 'duty-set'; state: DutyState }
  | { entity: 'skills'; type: 'skills-set'; state: SkillsState }
  | { entity: 'stock-store'; type: 'stock-store-defined'; state: StockStore }
  | { entity: 'stock-item'; type: 'stock-item-defined' | 'stock-item-updated' | 'stock-alert-raised' | 'stock-alert-cleared'; state: StockItem }
  /** One line of the ledger; the store writes it and sets its item's level to `levelAfter`. */
  | { entity: 'stock-movement'; type: `stock-${MovementKind}`; state: StockMovement }
  | { entity: 'announcement'; type: 'announcement-created' | 'announcement-started' | 'announcement-expired' | 'announcement-withdrawn'; state: Announcement }
  | { entity: 'announcement-read'; type: 'announcement-read'; state: AnnouncementReceipt }
  /** A push subscription: its endpoint and keys, for the person it notifies. */
  | { entity: 'push-subscription'; type: 'push-subscribed' | 'push-unsubscribed'; state: { owner: string; endpoint: string; p256dh?: string; auth?: string } }
  | { entity: 'service'; type: 'service-defined' | 'service-slots-set'; state: Service }
  | { entity: 'service-settings'; type: 'service-settings-set'; state: ServiceSettings }
  /** `reference`: the payment's id with its provider, on `order-paid` and `order-refunded`. */
  | { entity: 'order'; type: OrderEventType; state: Order; reference?: string }
  /** A tenant's sign-in link: the store keeps its digest; the plain token only rides to the mail queued in the same transaction. */
  | { entity: 'portal-link'; type: 'portal-link-sent'; state: { person: string; expiresAt: string }; tokenDigest: string; token: string }
  | { entity: 'portal-link'; type: 'portal-link-spent'; state: { person: string }; tokenDigest: string }
  | { entity: 'approval'; type: 'approval-requested' | 'approval-decided'; state: Approval }
  /** A payment's new state; `notice`: the provider notice it took, kept so the same one again changes nothing. */
  | { entity: 'payment'; type: 'payment-created' | 'payment-opened' | 'payment-taken' | 'payment-flagged' | 'payment-refunded'; state: Payment;
    notice?: { provider: string; key: string; outcome: 'taken' | 'flagged' } }
  | { entity: 'refund'; type: 'refund-made' | 'refund-answered' | 'refund-checked' | 'refund-retried'; state: Refund }
  | { entity: 'calendar'; type: 'working-calendar-set'; state: WorkingCalendar }
  /** A schedule kept, with when its next occurrence's ticket is due to be made (not part of its event). */
  | { entity: 'schedule'; type: 'schedule-created' | 'schedule-updated' | 'schedule-removed'; state: Schedule; nextDue: string | null }
  /** A catch-up that made only the latest occurrences: how many older ones were left out. */
  | { entity: 'schedule-catch-up'; type: 'schedule-catch-up-capped'; state: { schedule: string; dropped: number; first: string; last: string } }
  | { entity: 'sla-targets'; type: 'sla-targets-set'; state: SlaTargets }
  /** A breach of one of a ticket's clocks escalated, once: the store keeps it under the ticket and the clock. */
  | { entity: 'sla-escalation'; type: 'sla-breach-escalated'; state: SlaEscalation }
  | { entity: 'threshold'; type: 'threshold-defined' | 'threshold-updated' | 'threshold-removed'; state: ThresholdRule }
  /** Readings left a rule's band (started), stayed out long enough to open work (ticket set), or came back inside (ended). */
  | { entity: 'excursion'; type: 'excursion-started' | 'excursion-ticket-opened' | 'excursion-ended'; state: Excursion }
  /** A document kept for tenants and staff; its upload event holds the file's SHA-256, which every download is checked against. */
  | { entity: 'document'; type: 'document-uploaded' | 'document-withdrawn'; state: SiteDocument }
  | { entity: 'survey'; type: 'survey-created' | 'survey-closed'; state: Survey }
  | { entity: 'survey-answer'; type: 'survey-answered'; state: SurveyResponse }
  | { entity: 'vendor'; type: 'vendor-defined' | 'vendor-updated'; state: Vendor }
  | {
    entity: 'work-order'; type: WorkOrderEventType; state: WorkOrder;
    /** Links issued with the change: the log holds their digests only; the token is kept sealed under the site's key, never in the log. */
    links?: { digest: string; contact: string; token?: string }[];
    /** Links taken back: one contact's, or every link of the order (`contact: null`). */
    revoke?: { contact: string | null };
    /** A reminder that goes to the vendor's contacts by mail (not when the vendor has reminders off). */
    mailVendor?: boolean;
  }
  | {
    entity: 'session'; type: 'session-opened'; state: SessionState;
    session: { subject: string; tokenDigest: string; expiresAt: string };
  }
  | { entity: 'session'; type: 'session-closed'; state: SessionState; session: { subject: string; tokenDigest: string } }
  // Bookkeeping with no event of its own: which ticket stands for a device's offline alert.
  | { entity: 'offline-alert'; type: 'offline-alert-set'; state: { device: DeviceId; ticket: TicketId | null } }
  // Bookkeeping: the occurrences a schedule made (each once), and when its next one is due.
  | { entity: 'schedule-cursor'; type: 'schedule-cursor-set'; state: { schedule: string; made: { occurrence: string; ticket: TicketId }[]; nextDue: string | null } }
  // Bookkeeping: a ticket from before clocks were kept gets them, worked out from its history (the keeper writes the rows).
  | { entity: 'sla-clocks'; type: 'sla-clocks-started'; state: { ticket: TicketId } };

/** Changes that keep rows only: the ticket or schedule change beside them carries the event. */
export const bookkeeping: ReadonlySet<Change['entity']> = new Set(['offline-alert', 'schedule-cursor', 'sla-clocks']);

export type EventType = Exclude<Change, { entity: 'offline-alert' | 'schedule-cursor' | 'sla-clocks' }>['type']
  // Written when a site is made or a device or user is set up, outside the command path.
  | 'team-defined' | 'user-created' | 'room-created' | 'panel-configured';
