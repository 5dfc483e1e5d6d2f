import { PayPageView, SimulatedPayResult } from '@doorside/edge/contracts';
import { get, post } from '../report/send-form.ts';

/** The simulated provider's calls: what to pay, and paying it. */
export class PayApi {
  constructor(private readonly base: URL, private readonly tradeNo: string) {}

  #url(): URL {
    return new URL(`./api/pay/${encodeURIComponent(this.tradeNo)}`, this.base);
  }

  async view(): Promise<PayPageView> {
    return PayPageView.parse(await get(this.#url()));
  }

  async pay(): Promise<ReturnType<typeof SimulatedPayResult.parse>> {
    return SimulatedPayResult.parse(await post(this.#url(), {}));
  }
}

/** Reads `…/pay/{tradeNo}?lang=&back=`; `back` is kept only as a path on this gateway (never another site). */
export function payLink(page: URL): { tradeNo: string; base: URL; back: string | null } {
  const tradeNo = decodeURIComponent(page.pathname.split('/').filter(Boolean).at(-1) ?? '');
  const back = page.searchParams.get('back');
  return { tradeNo, base: new URL('../', page), back: back && /^\/(?!\/)[^\\\s]*$/.test(back) ? back : null };
}
