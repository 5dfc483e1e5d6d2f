import type { Attachment, Room, RoomStatus, Ticket } from '@doorside/edge/contracts';
import { ApiError, sendToGateway } from '../../api/gateway-client.ts';

export { ApiError };

export type RoomDetail = Room & { openTickets: Ticket[] };

export interface CategoryChoice { id: string; name: string; rejectionReasons: string[]; allowFreeTextReason: boolean }
export interface RejectInput { reason: string; notes?: string; photo?: File }
/** What an approve or reject set off, as the gateway's `ActionResult` says it. */
export interface ActionResultBody {
  ticket: Ticket;
  room: Room;
  triggered?: { route: 'returned' | 'escalated' | null; assignee: string | null; followUp: string | null; roomStatus: RoomStatus | null; notified: string[] };
}


/** The gateway's HTTP API as a door panel uses it; the session travels in its cookie. */
export class PanelApi {
  constructor(private readonly base: URL) {}

  signIn(room: string, pin: string): Promise<unknown> {
    return this.#send('POST', '/api/auth/panel', { room, pin });
  }

  signOut(): Promise<unknown> {
    return this.#send('POST', '/api/auth/logout');
  }

  room(room: string): Promise<RoomDetail> {
    return this.#send('GET', `/api/rooms/${encodeURIComponent(room)}`) as Promise<RoomDetail>;
  }

  async categories(): Promise<CategoryChoice[]> {
    return ((await this.#send('GET', '/api/categories')) as { categories: CategoryChoice[] }).categories;
  }

  approve(ticket: string): Promise<ActionResultBody> {
    return this.#send('POST', `/api/tickets/${ticket}/approve`, {}) as Promise<ActionResultBody>;
  }

  async reject(ticket: string, input: RejectInput): Promise<ActionResultBody> {
    const photos = input.photo ? (await this.#upload(ticket, input.photo)).map((a) => a.id) : [];
    const body = { reason: input.reason, ...(input.notes ? { notes: input.notes } : {}), ...(photos.length ? { photos } : {}) };
    return this.#send('POST', `/api/tickets/${ticket}/reject`, body) as Promise<ActionResultBody>;
  }

  async #upload(ticket: string, photo: File): Promise<Attachment[]> {
    const form = new FormData();
    form.append('photos', photo, photo.name || 'photo.jpg');
    return ((await this.#send('POST', `/api/tickets/${ticket}/attachments`, form)) as { attachments: Attachment[] }).attachments;
  }

  #send(method: string, path: string, body?: unknown): Promise<unknown> {
    return sendToGateway(this.base, method, path, body);
  }
}
