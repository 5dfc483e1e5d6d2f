import { BridgeEventsPage, BridgeStatusAnswer, type CentralCommand, CommandResult, type SyncStatus, SyncStatusView } from '@doorside/edge/contracts';
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

  report(status: SyncStatus): Promise<unknown> {
    return this.#http.call({ method: 'PUT', path: '/api/bridge/status', body: status }, SyncStatusView);
  }

  async lastReport(): Promise<SyncStatus | null> {
    return (await this.#http.call({ method: 'GET', path: '/api/bridge/status' }, BridgeStatusAnswer)).status;
  }
}
