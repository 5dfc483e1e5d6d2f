import { ActionResult, type QueueAction, StaffQueue, Ticket } from '@doorside/edge/contracts';
export type { ActionResult };
import type { z } from 'zod';
import { AttachmentList } from '../../api/attachment-list.ts';
import { ApiError, type Session, SignedInApi } from '../../api/gateway-client.ts';

export { ApiError };
export type { Session };

/** The ticket actions the queue page sends; `release` hands a ticket back to its team. */
export type StaffAction = Extract<QueueAction, 'claim' | 'accept' | 'start' | 'complete' | 'transfer' | 'release' | 'comment'>;

/** `/ws` beside the page, so a path prefix in front of the gateway (a proxy) is kept. */
export function liveAddress(page: string): string {
  const url = new URL('./ws', page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The gateway's HTTP API as the staff queue uses it; the session travels in its httpOnly cookie. */
export class StaffApi extends SignedInApi {
  async queue(): Promise<StaffQueue> {
    return StaffQueue.parse(await this.send('GET', '/api/queue'));
  }

  /** Ticks a checklist item off (or back on); answers with the ticket as it now is. */
  async tick(ticket: string, item: string, done: boolean): Promise<Ticket> {
    return Ticket.parse((await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/checklist/${encodeURIComponent(item)}`, { done }) as { ticket: unknown }).ticket);
  }

  async act(ticket: string, action: StaffAction, body: object = {}): Promise<ActionResult> {
    return ActionResult.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/${action}`, body));
  }

  /** Sends photos in one request (the gateway takes up to three) and answers with their attachment ids. */
  async upload(ticket: string, photos: File[]): Promise<string[]> {
    const form = new FormData();
    for (const photo of photos) form.append('photos', photo, photo.name || 'photo.jpg');
    const body = AttachmentList.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/attachments`, form));
    return body.attachments.map((a) => a.id);
  }

  photoUrl(attachment: string): string {
    return new URL(`./api/attachments/${encodeURIComponent(attachment)}`, this.base).href;
  }
}
