import type { SlaClock, TicketSla } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { Translator } from '../../i18n/translator.ts';
import { durationWords } from './duration-words.ts';

/** One clock in words: working time left, paused, run out (and by how much), or met. */
export function clockWords(speak: Translator, clock: SlaClock): string {
  if (clock.state === 'stopped') return speak.t(clock.breached ? 'slaDash.metLate' : 'slaDash.met');
  if (clock.breached) return speak.t('slaDash.over', { time: durationWords(-clock.leftMs / 60_000, speak.t) });
  if (clock.state === 'paused') return speak.t('slaDash.paused', { time: durationWords(clock.leftMs / 60_000, speak.t) });
  return speak.t('slaDash.left', { time: durationWords(clock.leftMs / 60_000, speak.t) });
}

/**
 * A ticket's service-level clocks as the gateway read them: the first response while it is
 * still awaited, and the resolution. Working time only; a paused clock says so.
 */
export class DsSlaClock extends LocalizedElement {
  static override properties = { sla: { attribute: false } };
  declare sla: TicketSla | undefined;

  static override styles = css`
    :host { display: inline-grid; gap: 2px; }
    span { white-space: nowrap; }
    .breached { color: #a4000f; font-weight: 700; }
    .paused { color: #5a4a00; }
  `;

  override render() {
    const { sla, speak } = this;
    if (!speak || !sla) return nothing;
    const state = sla.breached ? 'breached' : sla.paused ? 'paused' : 'running';
    const clocks: ['response' | 'resolution', SlaClock][] = [['resolution', sla.resolution]];
    if (sla.response.state !== 'stopped' || sla.response.breached) clocks.unshift(['response', sla.response]);
    return html`${clocks.map(([which, clock]) => html`
      <span data-clock=${which} data-state=${state} class=${clock.breached && clock.state !== 'stopped' ? 'breached' : clock.state === 'paused' ? 'paused' : ''}>${speak.t(`slaDash.${which}`)}: ${clockWords(speak, clock)}</span>`)}`;
  }
}

customElements.define('ds-sla-clock', DsSlaClock);

declare global {
  interface HTMLElementTagNameMap { 'ds-sla-clock': DsSlaClock }
}
