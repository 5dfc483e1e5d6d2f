import { z } from 'zod';
import { OptionalText } from './text.ts';
import { PaymentNotice } from './payments.ts';
import { AttachmentId, Sha256Hex, TicketId } from './ids.ts';

/**
 * What the gateway and its sync agent exchange. The agent forwards events to the central
 * server and commands back as they are, so the central wire (cloud-bridge/src/protocol.ts)
 * uses these same schemas.
 */

export const ShippedEvent = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().max(40),
  actor: z.string().max(120),
  type: z.string().max(60),
  entity: z.string().max(120),
  /** The entity's new state as stored on the gateway (JSON text, hashed as is). */
  state: z.string().max(256 * 1024),
  prevHash: Sha256Hex,
  hash: Sha256Hex,
});
export type ShippedEvent = z.infer<typeof ShippedEvent>;

/** Where a chain stands: the last event's seq and hash (seq 0 and the genesis hash when empty). */
export const ChainPoint = z.strictObject({ seq: z.number().int().min(0), hash: Sha256Hex });
export type ChainPoint = z.infer<typeof ChainPoint>;

/** At most this many files per vendor step, each at most this big: the limits of the site's own upload. */
export const VENDOR_FILES_MAX = 3;
export const VENDOR_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** A vendor's file carried inside a command, base64. */
export const VendorFileCopy = z.strictObject({
  name: z.string().max(200),
  data: z.base64().max(Math.ceil(VENDOR_FILE_MAX_BYTES / 3) * 4),
});
export type VendorFileCopy = z.infer<typeof VendorFileCopy>;

/**
 * A file of a work order, copied by the sync agent from the gateway to the central server so a
 * vendor reaching the link there can open it: its bytes (base64), the type the site's store
 * wrote, its name and its SHA-256.
 */
export const BridgeFile = z.strictObject({
  id: AttachmentId,
  name: z.string().max(200),
  type: z.enum(['image/jpeg', 'application/pdf']),
  sha256: Sha256Hex,
  data: z.base64().max(Math.ceil(VENDOR_FILE_MAX_BYTES / 3) * 4),
});
export type BridgeFile = z.infer<typeof BridgeFile>;
export const BridgeFileParams = z.strictObject({ id: AttachmentId });

/** A command head office holds for a site, applied on the gateway through its own rules. */
export const CentralCommand = z.discriminatedUnion('type', [
  z.strictObject({ id: z.string().uuid(), type: z.literal('reassign'), by: z.string().max(80), ticket: TicketId, assignee: z.string().max(48).nullable(), team: z.string().max(48).optional() }),
  z.strictObject({ id: z.string().uuid(), type: z.literal('set-rejection-policy'), by: z.string().max(80), category: z.string().max(48), policy: z.record(z.string(), z.unknown()) }),
  z.strictObject({ id: z.string().uuid(), type: z.literal('vendor-accepted'), by: z.string().max(80), ticket: TicketId, vendor: z.string().max(48), note: OptionalText(1000).optional() }),
  z.strictObject({ id: z.string().uuid(), type: z.literal('set-room-status'), by: z.string().max(80), room: z.string().max(48), status: z.enum(['available', 'do_not_use']), reason: OptionalText(300).optional() }),
  /** A payment provider's notice, checked by the central server (the public address providers call). */
  z.strictObject({ id: z.string().uuid(), type: z.literal('payment-notice'), by: z.string().max(80), notice: PaymentNotice }),
  /**
   * A vendor's step on a work order, taken where the vendor reaches it (the central server): the
   * link named by its token's SHA-256 digest (never the token), the action and its fields, which
   * the site reads as its own vendor routes do.
   */
  z.strictObject({
    id: z.string().uuid(), type: z.literal('vendor-action'), by: z.string().max(80), digest: Sha256Hex,
    action: z.enum(['accept', 'decline', 'comment', 'files', 'start', 'done']), body: z.record(z.string(), z.unknown()),
    /** The files of `files` and `done` as the vendor sent them; the site judges their bytes as its own upload does. */
    files: z.array(VendorFileCopy).max(VENDOR_FILES_MAX).optional(),
  }),
]);
export type CentralCommand = z.infer<typeof CentralCommand>;

/**
 * What a work-order event adds to the order's logged state when it issues or takes back vendor
 * links: each new link's token digest (never the token) and contact, and the contact whose links
 * were revoked (`null`: all of the order's). The central server keeps the digest → site → order
 * map from these, so a vendor's link can be served where the vendor reaches it.
 */
export const VendorLinkChanges = z.object({
  workOrderLinks: z.array(z.object({ digest: Sha256Hex, contact: z.string().max(40) })).max(50).default([]),
  revokedLinks: z.object({ contact: z.string().max(40).nullable() }).nullable().default(null),
});
export type VendorLinkChanges = z.infer<typeof VendorLinkChanges>;

/** How a command ended on the gateway: applied (with the event that recorded it), or refused with the rules' reason. */
export const CommandResult = z.strictObject({
  outcome: z.enum(['applied', 'refused']),
  reason: z.string().max(1000).optional(),
  /** The gateway event that recorded the change, when applied. */
  seq: z.number().int().min(1).optional(),
});
export type CommandResult = z.infer<typeof CommandResult>;

/** What the agent tells its gateway after each attempt, shown on the site dashboard and in /metrics. */
/** A site's device figures by the one rule (`devices/device-counts.ts`), as the gateway counts them now. */
export const DeviceCounts = z.strictObject({
  total: z.number().int().min(0), online: z.number().int().min(0), offline: z.number().int().min(0), revoked: z.number().int().min(0),
});

export const SyncStatus = z.strictObject({
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  centralCursor: z.number().int().min(0),
  gatewayHead: z.number().int().min(0),
  lagEvents: z.number().int().min(0),
  /** Age of the oldest event not yet at the central server, in seconds (0 when caught up). */
  lagSeconds: z.number().min(0),
  linkUp: z.boolean(),
  lastError: z.string().max(500).nullable(),
  /** The gateway's device figures when the agent last read its log, so head office shows the same numbers. */
  devices: DeviceCounts.optional(),
  /** How often the agent reports, at the longest: three of these without a report and it counts as gone. */
  reportEveryMs: z.number().int().min(10).max(3_600_000).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** An agent that does not say how often it reports reported after every attempt, at worst a backoff and a timeout apart. */
export const LEGACY_REPORT_EVERY_MS = 90_000;
/** Reports an agent may miss before it counts as gone, and the link with it. */
export const MISSED_REPORTS = 3;

/**
 * Whether the agent behind a report is still there: it reported within three of its
 * intervals. A killed agent cannot say the link went down, so the reader judges by time.
 */
export function agentAlive(status: Pick<SyncStatus, 'reportEveryMs'>, reportedAt: string | null, now: string): boolean {
  if (!reportedAt) return false;
  return Date.parse(now) - Date.parse(reportedAt) <= MISSED_REPORTS * (status.reportEveryMs ?? LEGACY_REPORT_EVERY_MS);
}

/** `GET /api/sync/status` for the site dashboard: `configured` once an agent has reported. */
export const SyncStatusView = z.object({
  configured: z.boolean(),
  /** As reported, with the lag as it is now; `linkUp` is false once the agent has missed three reports. */
  status: SyncStatus.nullable(),
  /** When the agent last reported, and whether that is within three of its intervals. */
  lastReportAt: z.string().nullable().optional(),
  agentAlive: z.boolean().optional(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

/** `GET /api/bridge/events?after=&limit=` (bridge key). */
export const BridgeEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** The log after a seq, each event's state as the exact stored text, and the stored head. */
/**
 * The type of the event a restore from a backup writes first. Its state names the backup's
 * head, the event it follows: the site's log goes on from there as a new line, which the
 * central copy takes once it has set aside what it held beyond that point.
 */
export const SITE_RESTORED = 'site-restored';
export const SiteRestoredState = z.object({ backup: ChainPoint, file: z.string().max(400) });

/**
 * `restored`: the latest `site-restored` event, when the site was ever restored; the agent
 * resends from there when the central copy went further on the line the backup cut off.
 */
export const BridgeEventsPage = z.object({
  events: z.array(ShippedEvent), head: ChainPoint, restored: ChainPoint.nullable().optional(), devices: DeviceCounts.optional(),
});
export type BridgeEventsPage = z.infer<typeof BridgeEventsPage>;

/** `GET /api/bridge/status` (bridge key): the last status an agent reported, so a restarted agent can show where it was. */
export const BridgeStatusAnswer = z.object({ status: SyncStatus.nullable() });
