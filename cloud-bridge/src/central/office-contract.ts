import { LoggedEvent, LoginBody, Phrase, Priority, RoomId, SiteId, TeamId, TicketStatus } from '@doorside/edge/contracts';
import { z } from 'zod';
import { ChainPoint, SyncStatus } from '../protocol.ts';
import { OfficeRole } from './office-directory.ts';

/** The head-office HTTP API: queries it reads and the views it answers with. The cross-site page uses these types. */
export { LoginBody };

export const OfficeSessionView = z.object({ user: z.string(), role: OfficeRole, sites: z.array(z.string()).nullable(), expiresAt: z.string() });
export type OfficeSessionView = z.infer<typeof OfficeSessionView>;

/** Whether the caller is signed in: a caller without a valid session learns only that. */
export const OfficeAuthState = z.discriminatedUnion('signedIn', [
  z.strictObject({ signedIn: z.literal(false) }),
  z.strictObject({ signedIn: z.literal(true), session: OfficeSessionView }),
]);

export const SiteOverview = z.object({
  site: z.string(),
  name: z.string(),
  cursor: ChainPoint,
  lastBatchAt: z.string().nullable(),
  lag: z.object({ events: z.number(), secondsSinceBatch: z.number().nullable(), agent: SyncStatus.nullable(), agentAt: z.string().nullable() }),
  /** Whether the site's agent is there and through: down once it missed three of its reports (`reportEveryMs` each). */
  link: z.object({ up: z.boolean(), lastSeenAt: z.string().nullable(), reportEveryMs: z.number() }),
  alerts: z.number(),
  devices: z.object({ total: z.number(), online: z.number(), revoked: z.number(), offline: z.number(), openAlerts: z.number() }),
});
export type SiteOverview = z.infer<typeof SiteOverview>;
export const SitesAnswer = z.object({ sites: z.array(SiteOverview) });

const Filter = (max: number) => z.string().trim().min(1).max(max).optional();

export const SiteEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional(),
  before: z.coerce.number().int().min(1).optional(),
  type: Filter(60),
  entity: Filter(120),
  actor: Filter(120),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const SiteEventsAnswer = z.object({ site: z.string(), cursor: ChainPoint, events: z.array(LoggedEvent) });
export type SiteEventsAnswer = z.infer<typeof SiteEventsAnswer>;

export const TicketsQuery = z.strictObject({
  site: SiteId.optional(),
  status: TicketStatus.optional(),
  team: TeamId.optional(),
  priority: Priority.optional(),
  room: RoomId.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const CentralTicket = z.object({
  site: z.string(), id: z.string(), kind: z.string(), category: z.string(), priority: z.string(), status: z.string(), room: z.string(),
  team: z.string(), assignee: z.string().nullable(), title: z.string(), titlePhrase: z.optional(Phrase), createdAt: z.string(), updatedAt: z.string(), dueAt: z.string(),
  resolvedAt: z.string().nullable(), rejections: z.number(), rating: z.number().nullable(), overdue: z.boolean(),
});
export type CentralTicket = z.infer<typeof CentralTicket>;
export const TicketsAnswer = z.object({ tickets: z.array(CentralTicket) });

export const SiteQuery = z.strictObject({ site: SiteId.optional() });
export const SiteKpis = z.object({
  site: z.string(),
  open: z.record(z.string(), z.number()),
  openTotal: z.number(),
  resolved: z.number(),
  meanMinutesToResolve: z.number().nullable(),
  slaBreaches: z.number(),
  rejectionRate: z.number().nullable(),
  averageRating: z.number().nullable(),
  ratings: z.number(),
});
export type SiteKpis = z.infer<typeof SiteKpis>;
export const KpisAnswer = z.object({ sites: z.array(SiteKpis) });

export { type ChainBreak, chainBreaks, type CutBack, cutBacks } from './alert-codes.ts';

/** An alert's parameters: numbers, and codes such as `reason`; never sentences. */
export const AlertParams = z.record(z.string(), z.union([z.string(), z.number()]));
/**
 * `code` names what happened (`site-restored`, `chain-broken`, `log-cut-back`) and `params` what
 * the page needs to word it; `code` is null for alerts raised before codes were kept. `message`
 * is the same in English, for logs and older readers.
 */
export const AlertView = z.object({
  site: z.string(), kind: z.string(), code: z.string().nullable(), params: AlertParams, message: z.string(),
  seq: z.number().nullable(), at: z.string(), lastAt: z.string(), repeats: z.number(),
});
export type AlertView = z.infer<typeof AlertView>;
export const AlertsAnswer = z.object({ alerts: z.array(AlertView) });

/** `GET /api/sites/{site}/archived-events`: what the central copy set aside when the site was restored from a backup. */
export const ArchivedEventsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ArchivedEventView = z.object({
  line: z.number(), seq: z.number(), at: z.string(), actor: z.string(), type: z.string(), entity: z.string(), archivedAt: z.string(),
});
export type ArchivedEventView = z.infer<typeof ArchivedEventView>;
/** `total` counts every event set aside for the site; `next` is the offset of the next page, null on the last. */
export const ArchivedEventsAnswer = z.object({ site: z.string(), total: z.number(), events: z.array(ArchivedEventView), next: z.number().nullable() });
export type ArchivedEventsAnswer = z.infer<typeof ArchivedEventsAnswer>;
