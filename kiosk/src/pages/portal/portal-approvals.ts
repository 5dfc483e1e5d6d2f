import { html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { money } from '../../payments/money-format.ts';
import type { AskedApproval } from './portal-api.ts';
import { portalLook } from './portal-look.ts';

/**
 * The approvals asked of the tenant: a quote above its limit or a vendor's visit, to approve
 * or refuse with a reason. Fires `approval-decide` (detail `{ id, decision, comment? }`).
 */
export class DsPortalApprovals extends LocalizedElement {
  static override properties = { approvals: { attribute: false }, now: { attribute: false }, problem: { attribute: false }, refusing: { state: true }, busy: {} };
  declare approvals: AskedApproval[];
  declare now: Date;
  /** A refusal of the last answer, and which approval it was for. */
  declare problem: { id: string; key: MessageKey } | null;
  /** The approval whose refusal form is open. */
  declare refusing: string | null;
  declare busy: string | null;

  static override styles = portalLook;

  constructor() {
    super();
    this.approvals = [];
    this.now = new Date();
    this.problem = null;
    this.refusing = null;
    this.busy = null;
  }

  override render() {
    if (!this.speak) return nothing;
    const t = this.speak.t;
    const pending = this.approvals.filter((a) => a.status === 'pending').length;
    return html`<section class="card" aria-labelledby="appr-title">
      <h2 id="appr-title">${t('portal.approvals')}</h2>
      <p class="muted" data-pending>${pending ? this.speak.plural('portal.pending', pending) : t('portal.approvalsNone')}</p>
      ${this.approvals.length ? html`<ul class="plain">${this.approvals.map((a) => this.#approval(a))}</ul>` : nothing}
    </section>`;
  }

  #subject(a: AskedApproval): string {
    const { t, lang } = this.speak!;
    return a.subject.kind === 'quote'
      ? t('portal.quote', { amount: money(a.subject.amount, a.subject.currency, lang), limit: money(a.subject.limit, a.subject.currency, lang) })
      : t('portal.access', { vendor: a.subject.vendor, when: this.speak!.time(a.subject.visitAt, this.now) });
  }

  #approval(a: AskedApproval) {
    const t = this.speak!.t;
    const problem = this.problem?.id === a.id ? html`<p class="alert" role="alert">${t(this.problem.key)}</p>` : nothing;
    return html`<li data-approval=${a.id}>
      <h3>${this.#subject(a)}</h3>
      <p class="muted">${t('portal.forRequest', { title: a.request.title })}</p>
      ${a.note ? html`<p class="text">${a.note}</p>` : nothing}
      ${problem}
      ${a.status === 'pending' ? this.#answer(a) : html`<p class="badge" data-answered=${a.status}>
        ${t(a.status === 'approved' ? 'portal.approved' : 'portal.declined', { when: a.decidedAt ? this.speak!.time(a.decidedAt, this.now) : '' })}</p>
        ${a.comment ? html`<p class="text">${a.comment}</p>` : nothing}`}
    </li>`;
  }

  #answer(a: AskedApproval) {
    const t = this.speak!.t;
    const busy = this.busy === a.id;
    if (this.refusing !== a.id) {
      return html`<div class="row">
        <button class="primary" type="button" data-approve ?disabled=${busy} @click=${() => emit(this, 'approval-decide', { id: a.id, decision: 'approve' })}>${t('portal.approve')}</button>
        <button type="button" data-decline ?disabled=${busy} @click=${() => { this.refusing = a.id; }}>${t('portal.decline')}</button></div>`;
    }
    return html`<form novalidate @submit=${(e: SubmitEvent) => this.#refuse(e, a.id)}>
      <label class="field">${t('portal.declineReason')}<textarea name="comment" rows="3" maxlength="1000"></textarea></label>
      <div class="row"><button class="danger" type="submit" ?disabled=${busy}>${t('portal.declineSend')}</button>
        <button type="button" @click=${() => { this.refusing = null; }}>${t('portal.cancel')}</button></div>
    </form>`;
  }

  #refuse(event: SubmitEvent, id: string) {
    event.preventDefault();
    const comment = String(new FormData(event.target as HTMLFormElement).get('comment') ?? '').trim();
    emit(this, 'approval-decide', { id, decision: 'decline', comment });
  }
}

customElements.define('ds-portal-approvals', DsPortalApprovals);
