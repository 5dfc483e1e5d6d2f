import { ChildrenView, PersonList, Ticket } from '@doorside/edge/contracts';
import { SignedInApi } from '../../api/gateway-client.ts';

/** What the staff page's inquiry view asks of the gateway: the reporter, the child tasks, a reply, a comment, closing. */
export class InquiryApi extends SignedInApi {
  async persons() {
    return PersonList.parse(await this.send('GET', '/api/persons')).persons;
  }

  async children(ticket: string): Promise<ChildrenView> {
    return ChildrenView.parse(await this.send('GET', `/api/tickets/${encodeURIComponent(ticket)}/children`));
  }

  async reply(ticket: string, text: string): Promise<Ticket> {
    return Ticket.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/reply`, { text }));
  }

  async comment(ticket: string, text: string): Promise<void> {
    await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/comment`, { text, internal: true });
  }

  async child(ticket: string, body: { kind: 'task' | 'work_order'; title: string; description: string }): Promise<Ticket> {
    return Ticket.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/children`, body));
  }

  async close(ticket: string): Promise<void> {
    await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/complete`, {});
  }
}
