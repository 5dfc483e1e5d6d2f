import { z } from 'zod';
import { CategoryId, DeviceId, IsoTime, RoomId, TeamId, TicketId, Username } from './ids.ts';
import { roomStatuses, ticketStatuses } from './vocabulary.ts';
import { Text } from './text.ts';
import { Names, Phrase, phraseLanguages } from './phrase.ts';
import { TicketLinks } from './directory.ts';
import { TicketSla, Waiting } from './sla-clock.ts';
import { ChecklistItem, PlannedBy } from './checklist.ts';
import { EscalationSettings } from './sla-escalation.ts';

export const RoomStatus = z.enum(roomStatuses);
export const TicketKind = z.enum(['report', 'inquiry', 'task', 'work_order']);
export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export const TicketStatus = z.enum(ticketStatuses);
export const Role = z.enum([
  'staff', 'supervisor', 'floor_manager', 'reception', 'facility_head', 'admin', 'vendor', 'panel', 'device', 'occupant', 'system',
  // The central server's commands, applied on the site through its own rules.
  'head_office',
  // A tenant signed in to the portal by a mail link: a person of the directory, or their company's administrator.
  'tenant', 'tenant_admin',
]);
export const TicketAction = z.enum([
  'assign', 'claim', 'transfer', 'start', 'complete', 'approve', 'reject', 'escalate', 'cancel', 'comment',
  // A vendor takes on a work order given to them.
  'accept',
]);
export const DeviceKind = z.enum(['sign', 'epaper', 'panel', 'qr_stand', 'gpio_panel']);

export type RoomStatus = z.infer<typeof RoomStatus>;
export type TicketKind = z.infer<typeof TicketKind>;
export type Priority = z.infer<typeof Priority>;
export type TicketStatus = z.infer<typeof TicketStatus>;
export type Role = z.infer<typeof Role>;
export type TicketAction = z.infer<typeof TicketAction>;
export type DeviceKind = z.infer<typeof DeviceKind>;

/** Where to go instead while a room is out of use: another room of the site, as a sign names it. */
export const RoomAlternative = z.object({ id: RoomId, name: Text(80), names: z.optional(Names), floor: z.number().int() });
export type RoomAlternative = z.infer<typeof RoomAlternative>;

export const Room = z.object({
  id: RoomId,
  name: Text(80),
  floor: z.number().int(),
  zone: Text(40),
  status: RoomStatus,
  since: IsoTime,
  reason: z.string().max(500),
  /** The reason as a code and parameters, when the server made it; `reason` keeps its English reading. */
  reasonPhrase: z.optional(Phrase),
  ticket: TicketId.nullable(),
  /** The name in other languages; `name` stands in for any missing. */
  names: z.optional(Names),
  /** The zone's name in other languages. */
  zoneNames: z.optional(Names),
  /** The languages the room's printed label speaks, in order; absent: all four. */
  languages: z.array(z.enum(phraseLanguages)).min(1).max(4).optional(),
  /** The nearest room to use instead, shown on the sign while this one is out of use. */
  alternative: z.optional(RoomAlternative),
});
export type Room = z.infer<typeof Room>;

export const Team = z.object({ id: TeamId, name: Text(80), supervisor: Username.nullable(), names: z.optional(Names) });
export type Team = z.infer<typeof Team>;

export const User = z.object({
  id: Username,
  name: Text(80),
  role: Role,
  teams: z.array(TeamId),
  active: z.boolean(),
  /** Where the site's notices to this person go (a work order's vendor actions); absent: none by mail. */
  email: z.optional(z.email().max(200)),
  /** The language of those notices; absent: English. */
  language: z.optional(z.enum(['en', 'zh', 'nb', 'nl'])),
});
export type User = z.infer<typeof User>;

export const RejectionPolicy = z.strictObject({
  route: z.enum(['return', 'escalate']),
  followUp: z.boolean(),
  roomStatus: z.enum(['pending_recovery', 'do_not_use']).nullable(),
  notify: z.array(TeamId).max(10),
});
export type RejectionPolicy = z.infer<typeof RejectionPolicy>;

export const SelfVerification = z.enum(['forbidden', 'allowed']);
export type SelfVerification = z.infer<typeof SelfVerification>;

export const Category = z.object({
  id: CategoryId,
  name: Text(80),
  team: TeamId,
  /** While a ticket of this category is open, the room is not ready for use. */
  holdsRoom: z.boolean(),
  slaMinutes: z.record(Priority, z.number().int().positive()),
  rejectionReasons: z.array(Text(120)).max(30),
  names: z.optional(Names),
  /** Each rejection reason in other languages, keyed by the reason as `rejectionReasons` holds it. */
  reasonNames: z.optional(z.record(z.string().max(120), Names)),
  allowFreeTextReason: z.boolean(),
  rejection: RejectionPolicy,
  /** An occupant may say "not resolved" on a finished job, which rejects it under the same policy; absent means no. */
  occupantsMayDispute: z.boolean().optional(),
  /**
   * Whether whoever claimed, started or completed a job may also approve or reject it:
   * `forbidden` (also when absent) asks for a second person; `allowed` suits a one-person site.
   */
  selfVerification: SelfVerification.optional(),
  /** A new ticket, or one handed back to the pool, goes to the top-ranked person on duty; absent means no. */
  autoDispatch: z.boolean().optional(),
  /** A rating at or below this score (of 5) reopens the job through the rejection policy; absent means 2, 0 never. */
  ratingThreshold: z.number().int().min(0).max(5).optional(),
  /** What a breached service-level clock sets going; absent: the holder and the supervisor are told. */
  escalation: z.optional(EscalationSettings),
});
export type Category = z.infer<typeof Category>;

export const Attachment = z.object({
  id: z.string().max(64),
  name: z.string().max(200),
  type: z.string().max(100),
  size: z.number().int().nonnegative(),
  at: IsoTime,
  by: z.string().max(80),
});
export type Attachment = z.infer<typeof Attachment>;

export const HistoryEntry = z.object({
  at: IsoTime,
  actor: z.string(),
  action: z.string(),
  status: TicketStatus,
  assignee: Username.nullable(),
  note: z.string().optional(),
  /** A reply: an entry the reporter reads (tracking page, mail), unlike internal notes. */
  visibility: z.optional(z.enum(['reporter'])),
  /** Attachments sent with a reply, by id. */
  attachments: z.optional(z.array(z.string())),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Note = z.object({ at: IsoTime, by: z.string(), text: z.string(), internal: z.boolean() });
export type Note = z.infer<typeof Note>;

export const AssigneeResponse = z.enum(['pending', 'reworking', 'redone', 'reassigned', 'escalated']);
export type AssigneeResponse = z.infer<typeof AssigneeResponse>;

export const Rejection = z.object({
  id: z.string(),
  at: IsoTime,
  room: RoomId,
  by: z.string(),
  reason: z.string(),
  notes: z.string().nullable(),
  photos: z.array(z.string()),
  originalAssignee: Username.nullable(),
  response: AssigneeResponse,
  route: z.enum(['returned', 'escalated']),
  escalatedTo: Username.nullable(),
  followUp: TicketId.nullable(),
  roomStatus: RoomStatus.nullable(),
  notified: z.array(TeamId),
  /** The checklist item the rejection names as left undone. */
  checklistItem: z.optional(z.string()),
});
export type Rejection = z.infer<typeof Rejection>;

export const Reporter = z.object({
  kind: z.enum(['occupant', 'user', 'device', 'system', 'person']),
  id: z.string().nullable(),
  contact: z.string().nullable(),
});
export type Reporter = z.infer<typeof Reporter>;

export const Ticket = z.object({
  id: TicketId,
  kind: TicketKind,
  category: CategoryId,
  priority: Priority,
  status: TicketStatus,
  room: RoomId,
  title: z.string(),
  /** The title as a code and parameters, when the server made it; `title` keeps its English reading. */
  titlePhrase: z.optional(Phrase),
  description: z.string(),
  /** The description as a code and parameters, when the server wrote it; `description` keeps the text older readers know. */
  descriptionPhrase: z.optional(Phrase),
  reporter: Reporter,
  /** Set when the ticket is read and a permanent bounce marked the reporter's mail address undeliverable; never stored. */
  contactUndeliverable: z.optional(z.boolean()),
  assignee: Username.nullable(),
  team: TeamId,
  dueAt: IsoTime,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  parent: TicketId.nullable(),
  history: z.array(HistoryEntry),
  notes: z.array(Note),
  attachments: z.array(Attachment),
  rejections: z.array(Rejection),
  /** The persons, unit and installation the ticket is about. */
  links: z.optional(TicketLinks),
  /** When a visit is booked for the job: dispatch keeps it clear of the person's other visits. */
  visitAt: z.optional(IsoTime),
  /** Waiting for the tenant, a vendor or a booked visit, and since when; absent while worked. */
  waiting: z.optional(Waiting),
  /** The ticket's service-level clocks as read now; set on reading, never stored. */
  sla: z.optional(TicketSla),
  /** The schedule and occurrence that made the ticket, for planned work. */
  planned: z.optional(PlannedBy),
  /** Items the worker ticks off: from the schedule, or added by staff. */
  checklist: z.optional(z.array(ChecklistItem)),
  /** A vendor's work on the ticket, by its work order: when it started, when it was reported done, and minutes from the report to done. */
  vendorWork: z.optional(z.object({
    workOrder: z.string(), startedAt: IsoTime.nullable(), doneAt: IsoTime.nullable(), resolutionMinutes: z.number().int().nonnegative().nullable(),
  })),
});
export type Ticket = z.infer<typeof Ticket>;

export const TeamNotification = z.object({
  team: TeamId,
  at: IsoTime,
  kind: z.enum(['rejection', 'escalation']),
  ticket: TicketId,
  room: RoomId,
  reason: z.string(),
});
export type TeamNotification = z.infer<typeof TeamNotification>;

export const Device = z.object({ id: DeviceId, room: RoomId, kind: DeviceKind, revoked: z.boolean() });
export type Device = z.infer<typeof Device>;
