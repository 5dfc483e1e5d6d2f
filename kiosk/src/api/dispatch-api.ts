import { DutyState, Suggestions } from '@doorside/edge/contracts';
import { SignedInApi } from './gateway-client.ts';

/** Dispatch as the dashboard and the staff page use it: suggestions for a ticket, the signed-in person's duty. */
export class DispatchApi extends SignedInApi {
  async suggestions(ticket: string): Promise<Suggestions> {
    return Suggestions.parse(await this.send('GET', `/api/tickets/${encodeURIComponent(ticket)}/suggestions`));
  }

  async duty(): Promise<DutyState> {
    return DutyState.parse(await this.send('GET', '/api/me/duty'));
  }

  async setDuty(onDuty: boolean): Promise<DutyState> {
    return DutyState.parse(await this.send('POST', '/api/me/duty', { onDuty }));
  }
}
