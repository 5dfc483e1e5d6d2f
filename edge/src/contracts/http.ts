import { z } from 'zod';
import { Names } from './phrase.ts';
import { AttachmentId, CategoryId, RoomId, TeamId, TicketId, Token, Username } from './ids.ts';
import { Priority, RejectionPolicy, Room, RoomStatus, SelfVerification, Ticket, TicketKind, TicketStatus } from './domain.ts';
import { OptionalText, phonePattern, Text } from './text.ts';
import { RoomAction, RoomHold } from './room-hold.ts';

export { ErrorBody, OccupantNoteAdded, OccupantRoomView, OccupantTicket, ReportReceipt } from './occupant.ts';

const Note = OptionalText(2000);
const Photos = z.array(AttachmentId).max(5);


export const LoginBody = z.strictObject({ username: Username, password: z.string().min(1).max(200) });
export const PanelLoginBody = z.strictObject({ room: RoomId, pin: z.string().regex(/^\d{4,12}$/, 'a PIN is 4 to 12 digits') });
export const SessionView = z.object({
  kind: z.enum(['user', 'panel', 'tenant']),
  user: Username.nullable(),
  role: z.string(),
  room: RoomId.nullable(),
  expiresAt: z.string(),
});
/** Whether the caller is signed in: a caller without a valid session learns only that. */
export const AuthState = z.discriminatedUnion('signedIn', [
  z.strictObject({ signedIn: z.literal(false) }),
  /** `rights`: what the signed-in role may do somewhere, so a page shows only the forms it may send (the gateway still decides each one). */
  z.strictObject({ signedIn: z.literal(true), session: SessionView, rights: z.array(z.string()).default([]) }),
]);

export const RoomParams = z.strictObject({ room: RoomId });
export const TicketParams = z.strictObject({ id: TicketId });
export const TrackParams = z.strictObject({ token: Token });
export const QrQuery = z.strictObject({ k: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'k is the code from the room sticker') });

const email = z.email();
/** How an occupant may be reached about a report: an e-mail address or a phone number. */
export const Contact = OptionalText(200).refine((v) => phonePattern.test(v) || email.safeParse(v).success, 'give an e-mail address or a phone number');

export const ReportBody = z.strictObject({
  category: CategoryId,
  description: Text(2000),
  contact: Contact.optional(),
});
/** `trackUrl`: the tracking page at the gateway's public address (what a receipt or a mail links to). */
export const ReportCreated = z.object({ ticket: Ticket, trackToken: z.string(), trackUrl: z.string() });

export const CreateTicketBody = z.strictObject({
  kind: z.enum(['inquiry', 'task', 'work_order']),
  category: CategoryId,
  room: RoomId,
  title: Text(120).optional(),
  description: Text(2000),
  priority: Priority.default('normal'),
  assignee: Username.optional(),
});

export const TicketQuery = z.strictObject({
  status: TicketStatus.optional(),
  room: RoomId.optional(),
  team: TeamId.optional(),
  assignee: Username.optional(),
  kind: TicketKind.optional(),
  priority: Priority.optional(),
  /** Open and past its due time (`true`), or not (`false`). */
  overdue: z.stringbool().optional(),
  /**
   * By service level, open tickets only: a clock `breached` (run out, now or before), `due-soon`
   * (not breached, a clock running out within the hour), `paused` (waiting on a pausing reason).
   */
  sla: z.enum(['breached', 'due-soon', 'paused']).optional(),
  /** Soonest first by the first-response or the resolution due time; tickets without one last. */
  sort: z.enum(['response-due', 'resolution-due']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** To a person (optionally moving the ticket to their team), or into a team's queue for anyone there to claim. */
export const AssignBody = z.union([
  z.strictObject({ assignee: Username, team: TeamId.optional(), note: Note.optional() }),
  z.strictObject({ team: TeamId, note: Note.optional() }),
]);
/** Who a dispatcher may hand tickets to: the teams, and each active person with the teams they may work for. */
export const Assignees = z.object({
  teams: z.array(z.object({ id: TeamId, name: z.string(), names: z.optional(Names) })),
  people: z.array(z.object({ id: Username, name: z.string(), role: z.string(), teams: z.array(TeamId) })),
  /** The site's categories with their names per language, so lists name them in the reader's language. */
  categories: z.array(z.object({ id: CategoryId, name: z.string(), names: z.optional(Names) })),
});
export const TransferBody = z.strictObject({ to: Username, note: Note.optional() });
export const EmptyBody = z.strictObject({ note: Note.optional() }).optional();
export const CompleteBody = z.strictObject({ note: Note.optional(), photos: Photos.optional() }).optional();
export const ApproveBody = z.strictObject({ notes: Note.optional() }).optional();
export const RejectBody = z.strictObject({ reason: Text(200), notes: Note.optional(), photos: Photos.optional(),
  /** The checklist item left undone, by its id (`c2`). */
  checklistItem: z.string().regex(/^c\d{1,3}$/).optional() });
export const ReasonBody = z.strictObject({ reason: Text(500) });
export const CommentBody = z.strictObject({ text: Text(2000), internal: z.boolean().default(true) });

export const SetRoomStatusBody = z.strictObject({ status: RoomStatus, reason: Text(500) });
/** The room to use instead of this one while it is out of use, or `null` for none. */
export const SetAlternativeRoomBody = z.strictObject({ room: RoomId.nullable() });

export const Triggered = z.object({
  route: z.enum(['returned', 'escalated']).nullable(),
  assignee: Username.nullable(),
  followUp: TicketId.nullable(),
  roomStatus: RoomStatus.nullable(),
  notified: z.array(TeamId),
});
export type Triggered = z.infer<typeof Triggered>;
export const ActionResult = z.object({ ticket: Ticket, room: Room, triggered: Triggered.optional() });
export type ActionResult = z.infer<typeof ActionResult>;

/** `hold` and `actions` are for signed-in staff; an occupant with the room's QR code sees its status only. */
export const RoomDetail = Room.extend({ openTickets: z.array(Ticket), hold: RoomHold.optional(), actions: z.array(RoomAction).optional() });


export const TrackPhase = z.enum(['reported', 'assigned', 'on_the_way', 'done', 'verified', 'rejected', 'cancelled']);
export type TrackPhase = z.infer<typeof TrackPhase>;

export const OccupantNoteParams = z.strictObject({ room: RoomId, id: TicketId });
export const OccupantNoteBody = z.strictObject({ text: Text(1000) });
/** "Not resolved": a reason (one the category lists, or typed where it allows that) and optional notes. */
export const DisputeBody = z.strictObject({ reason: Text(200), notes: Note.optional() });

export const TrackView = z.object({
  ticket: TicketId,
  room: z.object({ id: RoomId, name: z.string(), names: z.optional(Names) }),
  category: CategoryId,
  status: TicketStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Each step; `code` names a vendor's steps (`work-started`, `work-done`), which leave the status as it was. */
  history: z.array(z.object({ at: z.string(), status: TicketStatus, code: z.optional(z.enum(['work-started', 'work-done'])) })),
  rating: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
  /** Where the job stands in the occupant's words. */
  phase: TrackPhase,
  /** The latest rejection's reason (a supervisor's or the occupant's own "not resolved"), never its notes or who. */
  rejection: z.object({ at: z.string(), reason: z.string(), names: z.optional(Names), byOccupant: z.boolean() }).nullable(),
  mayRate: z.boolean(),
  mayDispute: z.boolean(),
  /** The reasons the category lists, and whether another reason may be typed, for "not resolved". */
  disputeReasons: z.array(z.string()),
  /** The listed reasons in other languages, by reason. */
  disputeReasonNames: z.optional(z.record(z.string(), Names)),
  disputeFreeText: z.boolean(),
  /** The staff's replies to the reporter, oldest first; their internal comments never. */
  replies: z.array(z.object({ at: z.string(), text: z.string() })),
});
export type TrackView = z.infer<typeof TrackView>;
export const RatingBody = z.strictObject({ score: z.number().int().min(1).max(5), comment: OptionalText(1000).optional() });

export const EventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export const AuditQuery = z.strictObject({
  room: RoomId.optional(),
  ticket: TicketId.optional(),
  actor: z.string().max(80).optional(),
  type: z.string().max(60).optional(),
  /** Free text found in the actor, type, entity or the recorded state. */
  q: Text(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const LoggedEvent = z.object({
  seq: z.number().int(),
  site: z.string(),
  at: z.string(),
  actor: z.string(),
  type: z.string(),
  entity: z.string(),
  state: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
export type LoggedEvent = z.infer<typeof LoggedEvent>;
export const VerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const CategoryParams = z.strictObject({ category: CategoryId });

/** A change to a category's verification policy: any fields of its rejection policy, and whether who did a job may verify it. */
export const CategoryPolicyBody = z.strictObject({ ...RejectionPolicy.partial().shape, selfVerification: SelfVerification.optional() });
export type CategoryPolicyBody = z.infer<typeof CategoryPolicyBody>;

export const TeamParams = z.strictObject({ team: TeamId });
const LabelLanguages = Room.shape.languages.unwrap();
/** A room's names in other languages and its label languages (`null`: all four again). */
export const RoomNamesBody = z.strictObject({ names: z.optional(Names), zoneNames: z.optional(Names), languages: LabelLanguages.nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, 'give names, zoneNames or languages');
/** A category's name and rejection reasons in other languages, the reasons keyed as the category lists them. */
export const CategoryNamesBody = z.strictObject({ names: z.optional(Names), reasonNames: z.record(Text(120), Names).optional() })
  .refine((b) => Object.keys(b).length > 0, 'give names or reasonNames');
export const TeamNamesBody = z.strictObject({ names: Names });
