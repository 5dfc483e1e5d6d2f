import { inquiryStage, type Ticket } from '@doorside/edge/contracts';
import { html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { type People, personLabel } from '../../components/person-name.ts';
import { dashBase } from './dashboard-styles.ts';

const stages = ['todo', 'in_progress', 'done'] as const;

/** The site's inquiries in the tenant's three steps: To do, In progress, Done. */
export class DsInquiryBoard extends LocalizedElement {
  static override properties = { tickets: { attribute: false }, people: { attribute: false } };
  declare tickets: readonly Ticket[];
  declare people: People | undefined;
  static override styles = [dashBase];

  constructor() {
    super();
    this.tickets = [];
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const inquiries = this.tickets.filter((x) => x.kind === 'inquiry');
    if (inquiries.length === 0) return html`<p class="muted" data-no-inquiries>${t('inq.list.none')}</p>`;
    return html`${stages.map((stage) => {
      const rows = inquiries.filter((x) => inquiryStage(x.status) === stage);
      return html`<section aria-labelledby="stage-${stage}" data-stage=${stage}><h3 id="stage-${stage}">${t(`inq.stage.${stage}`)} (${rows.length})</h3>
        ${rows.length === 0 ? html`<p class="muted">${t('inq.none')}</p>` : html`<div class="scroll"><table>
        <thead><tr><th scope="col">${t('inq.col.title')}</th><th scope="col">${t('inq.col.room')}</th><th scope="col">${t('inq.col.priority')}</th><th scope="col">${t('inq.col.responsible')}</th></tr></thead>
        <tbody>${rows.map((x) => html`<tr data-inquiry=${x.id}><td>${x.id} · ${x.title}</td><td>${x.room}</td><td>${t(`dash.priority.${x.priority}`)}</td>
          <td>${x.assignee ? personLabel(this.people, x.assignee) : t('inq.nobody')}</td></tr>`)}</tbody></table></div>`}</section>`;
    })}`;
  }
}

customElements.define('ds-inquiry-board', DsInquiryBoard);

declare global {
  interface HTMLElementTagNameMap { 'ds-inquiry-board': DsInquiryBoard }
}
