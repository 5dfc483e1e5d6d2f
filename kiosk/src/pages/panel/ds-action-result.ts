import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { VerdictResult } from '@doorside/edge/review-contracts';
import { emit } from '../../components/emit.ts';

/** What an approve or reject set off, shown at once from the response; fires `done` to go back. */
export class DsActionResult extends LocalizedElement {
  static override properties = { result: { attribute: false } };
  declare result: VerdictResult | undefined;

  static override styles = css`
    :host { display: block; }
    section { display: grid; gap: 2vmin; }
    ul { margin: 0; padding-left: 5vmin; display: grid; gap: 1.5vmin; font-size: 4.4vmin; font-weight: 600; }
    button { min-height: 12vmin; font: inherit; font-size: 4.6vmin; font-weight: 700; border-radius: 2vmin; border: 0.4vmin solid #111; background: #111; color: #fff; }
  `;

  override render() {
    const { result, speak } = this;
    if (!result || !speak) return nothing;
    return html`
      <section role="status" data-result>
        <ul>${this.#lines(result, speak).map((line) => html`<li>${line}</li>`)}</ul>
        <button @click=${() => emit(this, 'done')}>${speak.t('panel.done')}</button>
      </section>`;
  }

  #lines({ ticket, triggered }: VerdictResult, { t }: Translator): string[] {
    if (ticket.status === 'verified' || !triggered) return [t('panel.approved')];
    const { route, assignee, followUp, roomStatus, notified } = triggered;
    const lines: string[] = [];
    if (route === 'returned') lines.push(assignee ? t('panel.sentBack', { assignee }) : t('panel.sentBackTeam'));
    if (route === 'escalated') lines.push(assignee ? t('panel.escalated', { assignee }) : t('panel.escalatedTeam'));
    if (followUp) lines.push(t('panel.followUp', { ticket: followUp }));
    if (roomStatus) lines.push(t('panel.roomNow', { status: t(`status.${roomStatus}`) }));
    if (notified.length) lines.push(t('panel.notified', { teams: notified.join(', ') }));
    return lines;
  }
}

customElements.define('ds-action-result', DsActionResult);

declare global {
  interface HTMLElementTagNameMap { 'ds-action-result': DsActionResult }
}
