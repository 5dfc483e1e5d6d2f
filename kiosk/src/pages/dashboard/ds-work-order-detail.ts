import type { Vendor, WorkOrder } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import type { WorkOrdersApi } from './work-orders-api.ts';
import { moneyWords, refusalWords } from './work-order-words.ts';

type Step = 'verify' | 'reject' | 'withdraw';
const BEFORE_DONE = ['sent', 'accepted', 'in_progress'];

/**
 * One work order in full, with what the team does to it: verify or send back reported-done
 * work, withdraw it before then, and re-issue or revoke a contact's link. Fires
 * `order-changed` (detail: the order) after a change, and `close-detail`.
 */
export class DsWorkOrderDetail extends LocalizedElement {
  static override properties = {
    order: { attribute: false }, vendor: { attribute: false }, now: { attribute: false }, api: { attribute: false },
    asking: { state: true }, busy: { state: true }, notice: { state: true }, failure: { state: true },
  };
  declare order: WorkOrder;
  declare vendor: Vendor | undefined;
  declare now: Date;
  declare api: WorkOrdersApi;
  /** The step waiting for its reason. */
  declare asking: 'reject' | 'withdraw' | '';
  declare busy: boolean;
  declare notice: string;
  declare failure: string;

  static override styles = [dashBase, css`
    article { display: grid; gap: 14px; padding: 16px; border: 2px solid #1d1d1d; border-radius: 12px; }
    header { display: flex; justify-content: space-between; gap: 12px; align-items: start; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
    dt { font-weight: 700; } dd { margin: 0; white-space: pre-wrap; }
    ul, ol { margin: 0; padding-left: 1.2rem; display: grid; gap: 4px; }
    .link { overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
    form { display: grid; gap: 8px; max-width: 36rem; }
  `];

  constructor() {
    super();
    this.asking = '';
    this.busy = false;
    this.notice = '';
    this.failure = '';
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const before = changed.get('order') as WorkOrder | undefined;
    if (before && before.id !== this.order.id) { this.asking = ''; this.notice = ''; this.failure = ''; }
  }

  override render() {
    if (!this.speak || !this.order) return nothing;
    const { t, time, plural } = this.speak;
    const o = this.order;
    return html`<article aria-labelledby="wo-detail-title" data-order-detail=${o.id}>
      <header><h3 id="wo-detail-title">${o.id} · ${o.title}</h3><button type="button" @click=${() => emit(this, 'close-detail')}>${t('wo.close')}</button></header>
      <p role="status" data-notice>${this.notice}</p>
      ${this.failure ? html`<p class="error" role="alert" data-failure>${this.failure}</p>` : nothing}
      <dl>
        <dt>${t('wo.vendor')}</dt><dd>${this.vendor?.name ?? o.vendor}</dd>
        <dt>${t('wo.status')}</dt><dd data-detail-status=${o.status}>${t(`wo.status.${o.status}` as MessageKey)}</dd>
        <dt>${t('wo.colTicket')}</dt><dd>${o.ticket ?? '–'}</dd>
        <dt>${t('wo.responsible')}</dt><dd>${o.responsible}</dd>
        <dt>${t('wo.colDue')}</dt><dd>${o.dueAt ? time(o.dueAt, this.now) : t('wo.noneGiven')}</dd>
        <dt>${t('wo.costLimit')}</dt><dd>${o.costLimit ? moneyWords(this.speak.lang, o.costLimit) : t('wo.noneGiven')}</dd>
        ${o.instructions ? html`<dt>${t('wo.instructions')}</dt><dd>${o.instructions}</dd>` : nothing}
      </dl>
      ${o.declineReason ? html`<p data-declined>${t('wo.declined', { reason: o.declineReason })}</p>` : nothing}
      ${o.report ? html`<p data-report>${t('wo.report', { notes: o.report.notes || '–' })} · ${plural('wo.minutes', o.report.minutes)}</p>` : nothing}
      ${o.rejections.map((r) => html`<p>${t('wo.rejected', { reason: r.reason })} · ${time(r.at, this.now)}</p>`)}
      ${this.#actions()}
      ${o.attachments.length ? html`<section aria-labelledby="wo-files-title"><h4 id="wo-files-title">${t('wo.files')}</h4><ul>
        ${o.attachments.map((a, i) => html`<li data-order-file=${a.id}><a href=${this.api.fileUrl(o.id, a.id)} target="_blank" rel="noopener">${t('wo.file', { n: i + 1 })}</a> · ${a.type}</li>`)}</ul></section>` : nothing}
      ${o.comments.length ? html`<section aria-labelledby="wo-comments-title"><h4 id="wo-comments-title">${t('wo.comments')}</h4><ul>
        ${o.comments.map((c) => html`<li data-order-comment>${time(c.at, this.now)} · ${c.text}</li>`)}</ul></section>` : nothing}
      <section aria-labelledby="wo-history-title"><h4 id="wo-history-title">${t('wo.history')}</h4><ol data-order-history>
        ${o.history.map((h) => html`<li>${time(h.at, this.now)} · ${t(`wo.status.${h.status}` as MessageKey)}${h.note ? html` · <span class="muted">${h.note}</span>` : nothing}</li>`)}</ol></section>
    </article>`;
  }

  #actions() {
    const { t } = this.speak!;
    const o = this.order;
    const done = o.status === 'done';
    const open = BEFORE_DONE.includes(o.status);
    const contacts = this.vendor?.contacts ?? [];
    return html`
      <div class="row">
        ${done ? html`<button class="primary" type="button" data-step="verify" ?disabled=${this.busy} @click=${() => this.#step('verify')}>${t('wo.verify')}</button>
          <button type="button" data-step="reject" ?disabled=${this.busy} @click=${() => { this.asking = 'reject'; }}>${t('wo.reject')}</button>` : nothing}
        ${open ? html`<button type="button" data-step="withdraw" ?disabled=${this.busy} @click=${() => { this.asking = 'withdraw'; }}>${t('wo.withdraw')}</button>` : nothing}
      </div>
      ${this.asking ? html`<form data-reason-form=${this.asking} @submit=${this.#submitReason}>
        <label>${t('wo.reason')}<input name="reason" required maxlength="1000"></label>
        <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t(this.asking === 'reject' ? 'wo.reject' : 'wo.withdraw')}</button>
          <button type="button" @click=${() => { this.asking = ''; }}>${t('wo.cancel')}</button></div></form>` : nothing}
      ${open && contacts.length ? html`<section aria-labelledby="wo-links-title"><h4 id="wo-links-title">${t('wo.links')}</h4><div class="row">
        ${contacts.map((c) => html`<button type="button" data-reissue=${c.id} ?disabled=${this.busy} @click=${() => this.#reissue(c.id, c.name)}>${t('wo.reissue', { contact: c.name })}</button>
          <button type="button" data-revoke=${c.id} ?disabled=${this.busy} @click=${() => this.#revoke(c.id)}>${t('wo.revoke', { contact: c.name })}</button>`)}
      </div></section>` : nothing}`;
  }

  #submitReason(event: SubmitEvent): void {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (reason && this.asking) void this.#step(this.asking, reason);
  }

  async #run(work: () => Promise<WorkOrder | undefined>, notice: string): Promise<void> {
    this.busy = true;
    this.failure = '';
    this.notice = '';
    try {
      const changed = await work();
      this.notice = notice;
      this.asking = '';
      if (changed) emit(this, 'order-changed', changed);
    } catch (error) {
      this.failure = refusalWords(this.speak!, error);
    } finally {
      this.busy = false;
    }
  }

  #step(step: Step, reason?: string): Promise<void> {
    return this.#run(() => this.api.step(this.order.id, step, reason), this.speak!.t(`wo.done.${step}`));
  }

  async #reissue(contact: string, name: string): Promise<void> {
    let url = '';
    await this.#run(async () => {
      const sent = await this.api.reissue(this.order.id, contact);
      url = sent.links.find((l) => l.contact === contact)?.url ?? '';
      return sent.workOrder;
    }, '');
    if (url) this.notice = this.speak!.t('wo.newLink', { contact: name, url });
  }

  #revoke(contact: string): Promise<void> {
    return this.#run(() => this.api.revoke(this.order.id, contact), this.speak!.t('wo.done.revoke'));
  }
}

customElements.define('ds-work-order-detail', DsWorkOrderDetail);

declare global {
  interface HTMLElementTagNameMap { 'ds-work-order-detail': DsWorkOrderDetail }
}
