import { z } from 'zod';
import { CategoryId, IsoTime, RoomId, TicketId, Token } from './ids.ts';
import { Phrase, Names } from './phrase.ts';
import { PersonId, PersonLanguage, UnitId } from './directory.ts';
import { Priority, TicketStatus } from './domain.ts';
import { OptionalText, Text } from './text.ts';
import { Order, OrderLine } from './orders.ts';
import { CurrencyCode, Receipt } from './payments.ts';

/** How long a sign-in link opens the portal, and how many a person gets per window. */
export const PORTAL_LINK_MINUTES = 15;
export const PORTAL_LINKS_PER_WINDOW = 3;

/** Asking for a sign-in link: the answer is the same whether the address is known or not. */
export const PortalSignInBody = z.strictObject({ email: z.email('give a valid e-mail address').max(200) });
export const PortalSignInAnswer = z.object({ sent: z.literal(true), minutes: z.number().int() });
/** The token of a sign-in link, spent by a POST (a mail scanner's GET spends nothing). */
export const PortalTokenBody = z.strictObject({ token: Token });

export const TenantRole = z.enum(['tenant', 'tenant_admin']);
export type TenantRole = z.infer<typeof TenantRole>;

/** Who is signed in to the portal. */
export const PortalMe = z.object({
  person: PersonId,
  name: z.string(),
  company: z.string().nullable(),
  role: TenantRole,
  language: PersonLanguage,
  unit: z.object({ id: UnitId, name: z.string(), rooms: z.array(z.object({ id: RoomId, name: z.string(), names: z.optional(Names) })) }).nullable(),
  rights: z.array(z.string()),
  expiresAt: IsoTime,
});
export type PortalMe = z.infer<typeof PortalMe>;

export const ApprovalId = z.string().regex(/^A-[A-Za-z0-9_-]{4,24}$/, 'an approval id looks like A-x7Kq2m');
/** What a tenant is asked to approve: a quote above the limit that needs their consent, or a vendor's visit to their unit. */
export const ApprovalSubject = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('quote'), amount: z.number().positive().max(10_000_000), currency: CurrencyCode, limit: z.number().nonnegative().max(10_000_000) }),
  z.strictObject({ kind: z.literal('access'), vendor: Text(120), visitAt: IsoTime }),
]);
export type ApprovalSubject = z.infer<typeof ApprovalSubject>;

export const Approval = z.object({
  id: ApprovalId,
  ticket: TicketId,
  subject: ApprovalSubject,
  note: z.string(),
  status: z.enum(['pending', 'approved', 'declined']),
  requestedAt: IsoTime,
  requestedBy: z.string(),
  decidedAt: IsoTime.nullable(),
  /** The tenant who answered, as the log names them. */
  decidedBy: z.string().nullable(),
  comment: z.string().nullable(),
});
export type Approval = z.infer<typeof Approval>;


/** One step of a request as its tenant reads it: a status change or a reply, never an internal note or a name. */
export const PortalTimelineEntry = z.object({
  at: IsoTime,
  status: TicketStatus,
  /** `reply`: words from the facility team; `status`: the request moved on. */
  kind: z.enum(['status', 'reply']),
  text: z.string().optional(),
});

export const PortalRequest = z.object({
  id: TicketId,
  title: z.string(),
  titlePhrase: z.optional(Phrase),
  category: CategoryId,
  status: TicketStatus,
  room: z.object({ id: RoomId, name: z.string(), names: z.optional(Names) }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  /** Whether the signed-in person reported it, or it was shared with them, or they see it as the company's administrator. */
  relation: z.enum(['reported', 'shared', 'company']),
});
export type PortalRequest = z.infer<typeof PortalRequest>;

export const PortalRequestDetail = PortalRequest.extend({
  /** Approvals asked of the tenant on this request: pending and answered. */
  approvals: z.array(Approval),
  description: z.string(),
  timeline: z.array(PortalTimelineEntry),
  replies: z.array(z.object({ at: IsoTime, text: z.string() })),
});
export type PortalRequestDetail = z.infer<typeof PortalRequestDetail>;

export const PortalRequests = z.object({ requests: z.array(PortalRequest) });
export const PortalRequestParams = z.strictObject({ id: TicketId });

/** A new request from the portal, for a room of the person's unit. */
export const NewPortalRequestBody = z.strictObject({
  room: RoomId,
  category: CategoryId,
  title: Text(120),
  description: Text(2000),
  priority: Priority.default('normal'),
});
export const NewPortalRequestAnswer = z.object({ request: PortalRequestDetail });

/** The categories a tenant may file requests under. */
export const PortalCategories = z.object({ categories: z.array(z.object({ id: CategoryId, name: z.string(), names: z.optional(Names) })) });

export const PortalNote = OptionalText(1000);

export const RequestApprovalBody = z.strictObject({ subject: ApprovalSubject, note: OptionalText(1000).default('') });
export const DecideApprovalBody = z.strictObject({ comment: PortalNote.optional() });
export const ApprovalParams = z.strictObject({ id: ApprovalId });
export const ApprovalDecisionParams = z.strictObject({ id: ApprovalId, decision: z.enum(['approve', 'decline']) });
export const Approvals = z.object({ approvals: z.array(Approval.extend({ request: z.object({ id: TicketId, title: z.string() }) })) });

/** A paid order as its tenant follows it: what was booked, its lines and money, and the receipt; never staff names or contact details. */
export const PortalOrder = Order.pick({
  id: true, number: true, room: true, serviceName: true, slot: true, quantity: true, status: true, lines: true, total: true, paid: true, refunded: true,
  currency: true, paymentMode: true, ticket: true, createdAt: true,
}).extend({
  lines: z.array(OrderLine.pick({ kind: true, label: true, quantity: true, unitPrice: true, amount: true })),
  receipt: Receipt,
});
export type PortalOrder = z.infer<typeof PortalOrder>;
/** The orders behind the requests the tenant reads, and those booked with their e-mail address, newest first. */
export const PortalOrders = z.object({ orders: z.array(PortalOrder) });
