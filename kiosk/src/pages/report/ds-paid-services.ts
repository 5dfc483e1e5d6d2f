import { OccupantServices } from '@doorside/edge/occupant-contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { occupantLook } from './occupant-look.ts';
import type { ReportLink } from './report-link.ts';
import { get } from './send-form.ts';

type Phase = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * The room's paid services beside the free report. The list is read with the page's light
 * contracts; the booking form is its own script, fetched when the occupant picks a service,
 * so a phone that only reports a problem never downloads it.
 */
export class DsPaidServices extends LocalizedElement {
  static override properties = { link: { attribute: false }, services: { state: true }, picked: { state: true }, phase: { state: true } };
  declare link: ReportLink;
  declare services: OccupantServices['services'];
  declare picked: string;
  declare phase: Phase;

  static override styles = [occupantLook, css`
    section { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; }
    h2 { font-size: 1.3rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
    li { display: grid; gap: 0.35rem; padding-top: 0.75rem; border-top: 1px solid #bbb; }
    li:first-child { border-top: 0; padding-top: 0; }
    h3 { font-size: 1.1rem; }
  `];

  constructor() {
    super();
    this.services = [];
    this.picked = '';
    this.phase = 'idle';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list();
  }

  async #list(): Promise<void> {
    const url = new URL('./api/services', this.link.base);
    url.searchParams.set('k', this.link.k);
    url.searchParams.set('room', this.link.room);
    try {
      this.services = OccupantServices.parse(await get(url)).services;
    } catch {
      // The free report works without them.
    }
  }

  async #pick(service: string): Promise<void> {
    this.picked = service;
    this.phase = 'loading';
    try {
      await import('./order/ds-order-flow.ts');
      this.phase = 'ready';
    } catch {
      this.phase = 'failed';
    }
  }

  override render() {
    const { speak } = this;
    if (!speak || this.services.length === 0) return nothing;
    const t = speak.t;
    if (this.picked && this.phase === 'ready') {
      return html`<ds-order-flow .link=${this.link} .service=${this.picked} @order-back=${() => { this.picked = ''; this.phase = 'idle'; }}></ds-order-flow>`;
    }
    return html`<section aria-labelledby="paid-title" data-paid-services>
      <h2 id="paid-title">${t('order.servicesTitle')}</h2>
      <p class="hint">${t('order.servicesHint')}</p>
      ${this.phase === 'loading' ? html`<p role="status">${t('order.opening')}</p>` : nothing}
      ${this.phase === 'failed' ? html`<p class="alert" role="alert">${t('order.openFailed')}</p>` : nothing}
      <ul>${this.services.map((s) => html`<li data-service=${s.id}>
        <h3>${speak.name(s.name, s.names)}</h3>
        ${s.description ? html`<p class="hint">${s.description}</p>` : nothing}
        <button type="button" ?disabled=${this.phase === 'loading'} @click=${() => void this.#pick(s.id)}>${t('order.book')}<span class="sr">: ${speak.name(s.name, s.names)}</span></button>
      </li>`)}</ul>
    </section>`;
  }
}

customElements.define('ds-paid-services', DsPaidServices);

declare global {
  interface HTMLElementTagNameMap { 'ds-paid-services': DsPaidServices }
}
