import { z } from 'zod';
import { AttachmentId, CentralCommand, ChainPoint, ShippedEvent, SiteId, SyncStatus, VENDOR_FILE_MAX_BYTES } from '@doorside/edge/contracts';

// The shapes the agent forwards unchanged between gateway and central server have one
// definition, in the gateway's contract module.
export { BridgeFile, CentralCommand, ChainPoint, CommandResult, Sha256Hex, ShippedEvent, SyncStatus } from '@doorside/edge/contracts';

/**
 * The wire between a site's sync agent and the central server. Events travel with their
 * state as the exact JSON text the gateway hashed, so the central server can recompute
 * every hash without trusting a re-serialisation.
 */

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

/** `GET /api/sites/{site}/commands` (site key): the commands not yet answered, oldest first. */
export const PendingCommands = z.object({ commands: z.array(CentralCommand) });

/**
 * `POST /api/sites/{site}/commands/{id}/result` (site key): applied, or refused with the rules' reason
 * (the `CommandResult` schema). Idempotent.
 */

/** `POST /api/sites/{site}/status` (site key, optional): the agent's own view of its lag, shown to head office. */
export const StatusUpload = SyncStatus;
export type StatusUpload = SyncStatus;

/** Where a command stands; the answer to a command result, and what head office sees. */
export const CommandState = z.object({
  id: z.string().uuid(),
  state: z.enum(['pending', 'applied', 'refused']),
  reason: z.string().nullable(),
  seq: z.number().int().nullable(),
});
export type CommandState = z.infer<typeof CommandState>;

export const CommandParams = z.strictObject({ site: SiteId, id: z.string().uuid() });

/** The largest `POST /api/sites/{site}/events` body the central server reads; split bigger batches. */
export const MAX_BATCH_BYTES = 32 * 1024 * 1024;

const [reassign, setRejectionPolicy, vendorAccepted, setRoomStatus] = CentralCommand.options;
const withoutIdentity = { id: true, by: true } as const;
/** `POST /api/sites/{site}/commands` (head office): a command without its id and author, which the central server adds. */
export const NewCentralCommand = z.discriminatedUnion('type', [
  reassign.omit(withoutIdentity), setRejectionPolicy.omit(withoutIdentity), vendorAccepted.omit(withoutIdentity), setRoomStatus.omit(withoutIdentity),
]);
export type NewCentralCommand = z.infer<typeof NewCentralCommand>;

/** The work orders' files the central server wants copied from the site, by id. */
export const WantedFiles = z.object({ files: z.array(z.string()) });
export type WantedFiles = z.infer<typeof WantedFiles>;
export const FileParams = z.strictObject({ site: SiteId, id: AttachmentId });
export const FileKept = z.object({ id: z.string(), stored: z.boolean() });
/** The largest file copy: a file at the upload limit, base64, and room for its fields. */
export const MAX_FILE_BODY_BYTES = Math.ceil(VENDOR_FILE_MAX_BYTES / 3) * 4 + 64 * 1024;
