import { BridgeEventsPage, BridgeFile, BridgeStatusAnswer, type CentralCommand, CommandResult, type SyncStatus, SyncStatusView } from '@doorside/edge/contracts';
import { JsonEndpoint } from './http-json.ts';

/** The gateway's bridge routes, with the site's bridge key. */
export class GatewayClient {
  readonly #http: JsonEndpoint;

  constructor(url: string, key: string, timeoutMs: number, stop: AbortSignal) {
    this.#http = new JsonEndpoint('gateway', url, key, timeoutMs, stop);
  }

  events(after: number, limit: number): Promise<BridgeEventsPage> {
    return this.#http.call({ method: 'GET', path: `/api/bridge/events?after=${after}&limit=${limit}` }, BridgeEventsPage);
  }

  apply(command: CentralCommand): Promise<CommandResult> {
    return this.#http.call({ method: 'POST', path: '/api/bridge/commands', body: command }, CommandResult);
  }

  /** A work order's file with its type, name and SHA-256. */
  file(id: string): Promise<BridgeFile> {
    return this.#http.call({ method: 'GET', path: `/api/bridge/files/${encodeURIComponent(id)}` }, BridgeFile);
  }

  report(status: SyncStatus): Promise<unknown> {
    return this.#http.call({ method: 'PUT', path: '/api/bridge/status', body: status }, SyncStatusView);
  }

  async lastReport(): Promise<SyncStatus | null> {
    return (await this.#http.call({ method: 'GET', path: '/api/bridge/status' }, BridgeStatusAnswer)).status;
  }
}
