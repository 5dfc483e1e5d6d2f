import { z } from 'zod';
import { SiteId } from '@doorside/edge/contracts';

/**
 * The wire between a site's sync agent and the central server. Events travel with their
 * state as the exact JSON text the gateway hashed, so the central server can recompute
 * every hash without trusting a re-serialisation.
 */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hash is 64 lowercase hex digits');

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

export const SiteParams = z.strictObject({ site: SiteId });

/**
 * `POST /api/sites/{site}/events` with `authorization: Bearer <siteKey>`.
 * `after` is the seq the first event follows; `head` is the gateway's own head when the
 * batch was read, so the central copy can tell a log that was cut back at its tail.
 */
export const EventBatch = z.strictObject({
  after: z.number().int().min(0),
  events: z.array(ShippedEvent).max(5000),
  head: ChainPoint,
});
export type EventBatch = z.infer<typeof EventBatch>;

/** 200: the batch is stored (or was already: a re-sent batch changes nothing). */
export const BatchAccepted = z.object({ cursor: ChainPoint, stored: z.number().int().min(0) });
export type BatchAccepted = z.infer<typeof BatchAccepted>;

/**
 * Refusals, in the gateway's error shape `{error, message, details}`:
 * 409 `OUT_OF_ORDER` (a gap or reordering: details.cursor says where to resend from),
 * 422 `CHAIN_BROKEN` (details.firstBadSeq, details.problem; an alert is raised),
 * 422 `LOG_CUT_BACK` (the gateway's head is behind what the central copy saw; alert raised),
 * 401 `BAD_SITE_KEY`.
 */
export const CursorAnswer = z.object({ cursor: ChainPoint });

/** A command head office holds for a site, applied on the gateway through its own rules. */
export const CentralCommand = z.discriminatedUnion('type', [
  z.strictObject({ id: z.string().uuid(), type: z.literal('reassign'), by: z.string().max(80), ticket: z.string().regex(/^T-\d{1,9}$/), assignee: z.string().max(48).nullable(), team: z.string().max(48).optional() }),
  z.strictObject({ id: z.string().uuid(), type: z.literal('set-rejection-policy'), by: z.string().max(80), category: z.string().max(48), policy: z.record(z.string(), z.unknown()) }),
  z.strictObject({ id: z.string().uuid(), type: z.literal('vendor-accepted'), by: z.string().max(80), ticket: z.string().regex(/^T-\d{1,9}$/), vendor: z.string().max(48), note: z.string().max(1000).optional() }),
  z.strictObject({ id: z.string().uuid(), type: z.literal('set-room-status'), by: z.string().max(80), room: z.string().max(48), status: z.enum(['available', 'do_not_use']), reason: z.string().max(300).optional() }),
]);
export type CentralCommand = z.infer<typeof CentralCommand>;

/** `GET /api/sites/{site}/commands` (site key): the commands not yet answered, oldest first. */
export const PendingCommands = z.object({ commands: z.array(CentralCommand) });

/** `POST /api/sites/{site}/commands/{id}/result` (site key): applied, or refused with the rules' reason. Idempotent. */
export const CommandResult = z.strictObject({
  outcome: z.enum(['applied', 'refused']),
  reason: z.string().max(1000).optional(),
  /** The gateway event that recorded the change, when applied. */
  seq: z.number().int().min(1).optional(),
});
export type CommandResult = z.infer<typeof CommandResult>;

/** What the agent tells its gateway after each attempt, shown on the site dashboard and in /metrics. */
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
});
export type SyncStatus = z.infer<typeof SyncStatus>;
