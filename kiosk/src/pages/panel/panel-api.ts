import { ActionResult, type Attachment, Category, RoomDetail, SessionView } from '@doorside/edge/contracts';
export type { ActionResult };
import { z } from 'zod';
import { AttachmentList } from '../../api/attachment-list.ts';
import { ApiError, sendToGateway } from '../../api/gateway-client.ts';

export { ApiError };

export type RoomDetail = z.infer<typeof RoomDetail>;

/** `GET /api/categories` as a panel sees it: what it needs to offer a rejection's reasons. */
const CategoryChoice = Category.pick({ id: true, name: true, names: true, rejectionReasons: true, reasonNames: true, allowFreeTextReason: true });
export type CategoryChoice = z.infer<typeof CategoryChoice>;
const CategoryList = z.object({ categories: z.array(CategoryChoice) });

export interface RejectInput { reason: string; notes?: string; photo?: File }

/** The gateway's HTTP API as a door panel uses it; the session travels in its cookie. */
export class PanelApi {
  constructor(private readonly base: URL) {}

  async signIn(room: string, pin: string): Promise<z.infer<typeof SessionView>> {
    return SessionView.parse(await this.#send('POST', '/api/auth/panel', { room, pin }));
  }

  async signOut(): Promise<void> {
    await this.#send('POST', '/api/auth/logout');
  }

  async room(room: string): Promise<RoomDetail> {
    return RoomDetail.parse(await this.#send('GET', `/api/rooms/${encodeURIComponent(room)}`));
  }

  async categories(): Promise<CategoryChoice[]> {
    return CategoryList.parse(await this.#send('GET', '/api/categories')).categories;
  }

  async approve(ticket: string): Promise<ActionResult> {
    return ActionResult.parse(await this.#send('POST', `/api/tickets/${ticket}/approve`, {}));
  }

  async reject(ticket: string, input: RejectInput): Promise<ActionResult> {
    const photos = input.photo ? (await this.#upload(ticket, input.photo)).map((a) => a.id) : [];
    const body = { reason: input.reason, ...(input.notes ? { notes: input.notes } : {}), ...(photos.length ? { photos } : {}) };
    return ActionResult.parse(await this.#send('POST', `/api/tickets/${ticket}/reject`, body));
  }

  async #upload(ticket: string, photo: File): Promise<Attachment[]> {
    const form = new FormData();
    form.append('photos', photo, photo.name || 'photo.jpg');
    return AttachmentList.parse(await this.#send('POST', `/api/tickets/${ticket}/attachments`, form)).attachments;
  }

  #send(method: string, path: string, body?: unknown): Promise<unknown> {
    return sendToGateway(this.base, method, path, body);
  }
}
