import { type InstallationHistory, inquiryStage } from '@doorside/edge/contracts';
import { html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import { hashOf } from './dashboard-route.ts';
import { DirectoryApi } from './directory-api.ts';
import { placeOf } from './ds-people-section.ts';

/** One installation's record: every ticket linked to it, who worked it, what was rejected and why. */
export class DsInstallationHistory extends LocalizedElement {
  static override properties = { installation: { type: String }, history: { state: true }, failed: { state: true } };
  declare installation: string;
  declare history: InstallationHistory | undefined;
  declare failed: 'missing' | 'other' | '';
  static override styles = [dashBase];
  readonly #api = new DirectoryApi(new URL('./', location.href));

  constructor() {
    super();
    this.installation = '';
    this.failed = '';
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('installation') && this.installation) {
      this.history = undefined;
      this.failed = '';
      this.#api.history(this.installation).then((h) => { this.history = h; }, (e: { status?: number }) => { this.failed = e.status === 404 || e.status === 400 ? 'missing' : 'other'; });
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const back = html`<p><a href=${hashOf({ section: 'people' })}>← ${t('inq.history.back')}</a></p>`;
    if (this.failed) return html`${back}<p class="error" role="alert">${this.failed === 'missing' ? t('inq.history.notFound', { id: this.installation }) : t('inq.failed')}</p>`;
    const h = this.history;
    if (!h) return html`${back}<p class="muted" role="status">${t('inq.loading')}</p>`;
    const i = h.installation;
    return html`${back}
      <h3 data-history-title>${t('inq.history.title', { name: i.name })}</h3>
      <p>${t(`inq.kind.${i.kind}`)} · ${placeOf(i, t)} · ${i.make ?? t('inq.none')} · ${i.serial ?? t('inq.none')}</p>
      ${h.tickets.length === 0 ? html`<p class="muted">${t('inq.history.none')}</p>` : html`<div class="scroll"><table data-history>
        <thead><tr><th scope="col">${t('inq.col.title')}</th><th scope="col">${t('inq.col.stage')}</th><th scope="col">${t('inq.history.workedBy')}</th><th scope="col">${t('inq.history.rejections')}</th></tr></thead>
        <tbody>${h.tickets.map((x) => html`<tr data-history-ticket=${x.id}><td>${x.id} · ${x.title}</td><td>${t(`inq.stage.${inquiryStage(x.status as Parameters<typeof inquiryStage>[0])}`)}</td>
          <td>${x.workedBy.join(', ') || t('inq.none')}</td>
          <td>${x.rejections.length === 0 ? t('inq.none') : html`<ul>${x.rejections.map((r) => html`<li data-rejection>${t('inq.history.rejection', { reason: r.reason, by: r.by.replace(/^user:/, '') })}${r.notes ? html` — ${r.notes}` : nothing}</li>`)}</ul>`}</td></tr>`)}</tbody>
      </table></div>`}`;
  }
}

customElements.define('ds-installation-history', DsInstallationHistory);

declare global {
  interface HTMLElementTagNameMap { 'ds-installation-history': DsInstallationHistory }
}
