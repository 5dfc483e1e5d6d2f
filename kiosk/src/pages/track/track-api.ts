import { Order, PayNow, PublicAnnouncements, Receipt, TrackView, visibleTrim } from '@doorside/edge/contracts';
import type { PreparedPhoto } from '../../photos/resize-photo.ts';
import { get, post } from '../report/send-form.ts';

export interface DisputeInput { reason: string; notes: string; photos: PreparedPhoto[] }

/** The tracking link's calls: its view, a rating, and "not resolved". */
export class TrackApi {
  constructor(private readonly base: URL, private readonly token: string) {}

  #url(suffix = ''): URL {
    return new URL(`./api/track/${encodeURIComponent(this.token)}${suffix}`, this.base);
  }

  async view(): Promise<TrackView> {
    return TrackView.parse(await get(this.#url()));
  }

  /** The money taken for the order behind the link, and refunds (empty for a free report). */
  async receipt(): Promise<Receipt> {
    return Receipt.parse(await get(this.#url('/receipt')));
  }

  /** The announcements live now in the room of the link's ticket. */
  async announcements(): Promise<PublicAnnouncements['announcements']> {
    return PublicAnnouncements.parse(await get(this.#url('/announcements'))).announcements;
  }

  /** The paid order behind the link: its lines (with items added on the job), total, paid and status. */
  async order(): Promise<Order> {
    return Order.parse(await get(this.#url('/order')));
  }

  /** Pay now: a payment for what is due on the order left unpaid, and where to pay it. */
  async payNow(): Promise<PayNow> {
    return PayNow.parse(await post(this.#url('/order/pay'), {}));
  }

  async rate(score: number, comment: string): Promise<TrackView> {
    return TrackView.parse(await post(this.#url('/rating'), { score, ...(visibleTrim(comment) ? { comment: visibleTrim(comment) } : {}) }));
  }

  async dispute(input: DisputeInput, onProgress: (fraction: number) => void): Promise<TrackView> {
    const fields = { reason: visibleTrim(input.reason), ...(visibleTrim(input.notes) ? { notes: visibleTrim(input.notes) } : {}) };
    const body = input.photos.length === 0 ? fields : new FormData();
    if (body instanceof FormData) {
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
      input.photos.forEach((photo, i) => body.append('photos', photo.blob, `photo-${i + 1}.jpg`));
    }
    return TrackView.parse(await post(this.#url('/dispute'), body, onProgress));
  }
}
