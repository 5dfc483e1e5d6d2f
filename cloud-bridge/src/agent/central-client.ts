import { z } from 'zod';
import {
  BatchAccepted, type BridgeFile, type CentralCommand, FileKept, type ChainPoint, ChainPoint as ChainPointSchema, type CommandResult, CursorAnswer, type EventBatch,
  PendingCommands, type SyncStatus, WantedFiles,
} from '../protocol.ts';
import { JsonEndpoint, Refused } from './http-json.ts';

/** How the central server took a batch. */
export type SendOutcome =
  | { kind: 'accepted'; cursor: ChainPoint; stored: number }
  | { kind: 'out-of-order'; cursor: ChainPoint }
  /** The central copy refuses the log (CHAIN_BROKEN, LOG_CUT_BACK): it has raised an alert; retrying fast changes nothing. */
  | { kind: 'refused'; code: string; message: string; details: unknown };

const OutOfOrderDetails = z.object({ cursor: ChainPointSchema });

/** The central server's site routes, with the site key. */
export class CentralClient {
  readonly #http: JsonEndpoint;
  readonly #site: string;

  constructor(url: string, site: string, key: string, timeoutMs: number, stop: AbortSignal) {
    this.#http = new JsonEndpoint('central', url, key, timeoutMs, stop);
    this.#site = encodeURIComponent(site);
  }

  async cursor(): Promise<ChainPoint> {
    return (await this.#http.call({ method: 'GET', path: `/api/sites/${this.#site}/cursor` }, CursorAnswer)).cursor;
  }

  async send(batch: EventBatch): Promise<SendOutcome> {
    try {
      const accepted = await this.#http.call({ method: 'POST', path: `/api/sites/${this.#site}/events`, body: batch }, BatchAccepted);
      return { kind: 'accepted', ...accepted };
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const resend = error.status === 409 ? OutOfOrderDetails.safeParse(error.details) : null;
      if (resend?.success) return { kind: 'out-of-order', cursor: resend.data.cursor };
      if (error.status === 422) return { kind: 'refused', code: error.code, message: error.reason, details: error.details };
      throw error;
    }
  }

  async pending(): Promise<CentralCommand[]> {
    return (await this.#http.call({ method: 'GET', path: `/api/sites/${this.#site}/commands` }, PendingCommands)).commands;
  }

  /** Reports a command's outcome. An answer the central server already holds counts as delivered. */
  async answer(id: string, result: CommandResult): Promise<void> {
    try {
      await this.#http.call({ method: 'POST', path: `/api/sites/${this.#site}/commands/${encodeURIComponent(id)}/result`, body: result }, z.unknown());
    } catch (error) {
      if (error instanceof Refused && error.code === 'RESULT_ALREADY_RECORDED') return;
      throw error;
    }
  }

  /** The work orders' files the central server still wants, by id. */
  async wantedFiles(): Promise<string[]> {
    return (await this.#http.call({ method: 'GET', path: `/api/sites/${this.#site}/files/wanted` }, WantedFiles)).files;
  }

  async putFile(file: BridgeFile): Promise<boolean> {
    return (await this.#http.call({ method: 'PUT', path: `/api/sites/${this.#site}/files/${encodeURIComponent(file.id)}`, body: file }, FileKept)).stored;
  }

  async uploadStatus(status: SyncStatus): Promise<void> {
    await this.#http.call({ method: 'POST', path: `/api/sites/${this.#site}/status`, body: status }, z.unknown());
  }
}
