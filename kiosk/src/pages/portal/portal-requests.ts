import { html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { RequestDetail, RequestSummary } from './portal-api.ts';
import { portalLook } from './portal-look.ts';

/**
 * The tenant's requests with their status; one opened shows what was reported, its progress
 * and the replies. Fires `request-open` (detail `{ id }`) and `request-close`.
 */
export class DsPortalRequests extends LocalizedElement {
  static override properties = { requests: { attribute: false }, open: { attribute: false }, now: { attribute: false } };
  declare requests: RequestSummary[];
  declare open: RequestDetail | null;
  declare now: Date;

  static override styles = portalLook;

  constructor() {
    super();
    this.requests = [];
    this.open = null;
    this.now = new Date();
  }

  override render() {
    if (!this.speak) return nothing;
    const t = this.speak.t;
    return html`<section class="card" aria-labelledby="req-title">
      <h2 id="req-title">${t('portal.requests')}</h2>
      <slot name="new"></slot>
      ${this.open ? this.#detail(this.open) : this.#list()}
    </section>`;
  }

  #title(r: RequestSummary): string {
    return this.speak!.phrase(r.titlePhrase, r.title);
  }

  #list() {
    const { t, name } = this.speak!;
    if (this.requests.length === 0) return html`<p class="muted">${t('portal.requestsNone')}</p>`;
    return html`<ul class="plain">${this.requests.map((r) => html`<li data-request=${r.id}>
      <button type="button" class="wide" @click=${() => emit(this, 'request-open', { id: r.id })}>${this.#title(r)}</button>
      <div class="row"><span class="badge" data-status=${r.status}>${t(`portal.status.${r.status}`)}</span>
        <span class="muted">${name(r.room.name, r.room.names)} · ${t(`portal.relation.${r.relation}`)} · ${t('portal.updated', { ago: this.speak!.ago(r.updatedAt, this.now) })}</span></div>
    </li>`)}</ul>`;
  }

  #detail(r: RequestDetail) {
    const { t, name } = this.speak!;
    return html`<article data-detail=${r.id} aria-labelledby="detail-title">
      <p><button type="button" data-back @click=${() => emit(this, 'request-close')}>${t('portal.back')}</button></p>
      <h3 id="detail-title">${this.#title(r)}</h3>
      <div class="row"><span class="badge" data-status=${r.status}>${t(`portal.status.${r.status}`)}</span><span class="muted">${name(r.room.name, r.room.names)}</span></div>
      <h4>${t('portal.description')}</h4>
      <p class="text">${r.description}</p>
      <h4>${t('portal.timeline')}</h4>
      <ol class="plain" data-timeline>${r.timeline.map((e) => html`<li data-kind=${e.kind}>
        <span class="muted">${this.speak!.time(e.at, this.now)}</span>
        ${e.kind === 'reply'
          ? html`<p><strong>${t('portal.replyFrom')}</strong></p><p class="text" data-reply>${e.text}</p>`
          : html`<p>${t('portal.statusTo', { status: t(`portal.status.${e.status}`) })}</p>`}
      </li>`)}</ol>
    </article>`;
  }
}

customElements.define('ds-portal-requests', DsPortalRequests);
