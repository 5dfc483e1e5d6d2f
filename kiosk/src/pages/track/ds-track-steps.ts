import type { TrackPhase } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { occupantLook } from '../report/occupant-look.ts';
import { trackSteps } from './track-steps.ts';

/** The job's progress as a vertical list of steps: done ones ticked, the current one marked, the rest waiting. */
export class DsTrackSteps extends LocalizedElement {
  static override properties = { phase: {} };
  declare phase: TrackPhase;

  static override styles = [occupantLook, css`
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; }
    li { display: flex; align-items: center; gap: 0.75rem; min-height: 48px; position: relative; color: #444; }
    li:not(:last-child)::after { content: ''; position: absolute; left: 15px; top: 38px; height: 20px; border-left: 3px solid #888; }
    .dot { width: 33px; height: 33px; flex: none; border-radius: 50%; border: 3px solid #888; background: #fff; display: grid; place-items: center; }
    .past { color: #111; }
    .past .dot { border-color: #0b5d2a; background: #0b5d2a; color: #fff; }
    .current { color: #111; font-weight: 800; font-size: 1.1rem; }
    .current .dot { border-color: #0b4f9c; background: #fff; box-shadow: inset 0 0 0 6px #0b4f9c; }
    .current.rejected .dot, .current.cancelled .dot { border-color: #a4000f; box-shadow: inset 0 0 0 6px #a4000f; }
    svg { width: 18px; height: 18px; }
  `];

  constructor() {
    super();
    this.phase = 'reported';
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    return html`
      <ol data-phase=${this.phase}>
        ${trackSteps(this.phase).map((step) => html`
          <li class="${step.state} ${step.key}" data-step=${step.key} data-state=${step.state} aria-current=${step.state === 'current' ? 'step' : nothing}>
            <span class="dot" aria-hidden="true">${step.state === 'past'
              ? html`<svg viewBox="0 0 24 24"><path d="M5 12l5 5 9-10" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`
              : nothing}</span>
            <span>${speak.t(`track.step.${step.key}`)}${step.state === 'current' ? html`<span class="sr"> (${speak.t('track.current')})</span>` : nothing}</span>
          </li>`)}
      </ol>`;
  }
}

customElements.define('ds-track-steps', DsTrackSteps);

declare global {
  interface HTMLElementTagNameMap { 'ds-track-steps': DsTrackSteps }
}
