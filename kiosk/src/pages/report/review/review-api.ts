import { FinishedServices, ReviewCategories, type ReviewCategory, StoredPhotos, VerdictResult } from '@doorside/edge/review-contracts';
import type { RejectInput } from '../../panel/panel-api.ts';
import { get, post } from '../send-form.ts';

/**
 * The calls a signed-in supervisor makes from the room's QR page; the session travels in its
 * cookie. Parsed with the light review contracts so this script stays small too.
 */
export class ReviewApi {
  constructor(private readonly base: URL) {}

  #url(path: string): URL {
    return new URL(`.${path}`, this.base);
  }

  async finished(room: string): Promise<FinishedServices['services']> {
    return FinishedServices.parse(await get(this.#url(`/api/rooms/${encodeURIComponent(room)}/finished`))).services;
  }

  async categories(): Promise<ReviewCategory[]> {
    return ReviewCategories.parse(await get(this.#url('/api/categories'))).categories;
  }

  async approve(ticket: string): Promise<VerdictResult> {
    return VerdictResult.parse(await post(this.#url(`/api/tickets/${encodeURIComponent(ticket)}/approve`), {}));
  }

  async reject(ticket: string, input: RejectInput): Promise<VerdictResult> {
    const photos = input.photo ? await this.#upload(ticket, input.photo) : [];
    const body = { reason: input.reason, ...(input.notes ? { notes: input.notes } : {}), ...(photos.length ? { photos } : {}) };
    return VerdictResult.parse(await post(this.#url(`/api/tickets/${encodeURIComponent(ticket)}/reject`), body));
  }

  async #upload(ticket: string, photo: File): Promise<string[]> {
    const form = new FormData();
    form.append('photos', photo, photo.name || 'photo.jpg');
    const stored = StoredPhotos.parse(await post(this.#url(`/api/tickets/${encodeURIComponent(ticket)}/attachments`), form));
    return stored.attachments.map((a) => a.id);
  }
}
