import type { OrderContact } from '@doorside/edge/contracts';
import { OccupantOrderPlaced, type OccupantService, OccupantServiceList, OccupantSlotList } from '@doorside/edge/occupant-contracts';
import { get, post } from '../send-form.ts';
import type { ReportLink } from '../report-link.ts';

export interface Booking { service: string; slot: string; quantity: number; contact: OrderContact }

/** How far ahead the booking form offers visits. */
const DAYS_AHEAD = 14;

/** The booking's calls from a room's QR page: the catalogue, a service's free visits, the order. */
export class OrderApi {
  constructor(private readonly link: ReportLink) {}

  #url(path: string, query: Record<string, string> = {}): URL {
    const url = new URL(`.${path}`, this.link.base);
    for (const [name, value] of Object.entries({ ...query, k: this.link.k })) url.searchParams.set(name, value);
    return url;
  }

  async service(id: string): Promise<OccupantService | undefined> {
    const list = OccupantServiceList.parse(await get(this.#url('/api/services', { room: this.link.room })));
    return list.services.find((s) => s.id === id);
  }

  async slots(service: string, now = new Date()): Promise<OccupantSlotList> {
    const to = new Date(now.getTime() + DAYS_AHEAD * 86_400_000);
    return OccupantSlotList.parse(await get(this.#url(`/api/services/${encodeURIComponent(service)}/slots`, { from: now.toISOString(), to: to.toISOString() })));
  }

  async place(booking: Booking): Promise<OccupantOrderPlaced> {
    return OccupantOrderPlaced.parse(await post(this.#url(`/api/rooms/${encodeURIComponent(this.link.room)}/orders`), booking));
  }

  /** The tracking page for the order, in the language the occupant chose here. */
  trackUrl(token: string, lang: string): URL {
    const url = new URL(`./track/${encodeURIComponent(token)}`, this.link.base);
    url.searchParams.set('lang', lang);
    return url;
  }

  /** The provider's pay page, told the language and the way back to the tracking page (a path on this gateway). */
  payUrl(payment: string, token: string, lang: string): string {
    const url = new URL(payment);
    const back = this.trackUrl(token, lang);
    url.searchParams.set('lang', lang);
    url.searchParams.set('back', back.pathname + back.search);
    return url.href;
  }
}
