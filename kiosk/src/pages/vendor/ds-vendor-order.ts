import type { VendorWorkOrderView } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { occupantLook } from '../report/occupant-look.ts';
import { money } from './vendor-words.ts';

const PDF = 'application/pdf';

/** The order as the vendor reads it: what, where, by when, the files and what has happened so far. */
export class DsVendorOrder extends LocalizedElement {
  static override properties = { view: { attribute: false }, fileUrl: { attribute: false }, now: { attribute: false } };
  declare view: VendorWorkOrderView;
  declare fileUrl: (id: string) => string;
  declare now: Date;

  static override styles = [occupantLook, css`
    :host { display: grid; gap: 1.25rem; }
    section { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; display: grid; gap: 0.75rem; }
    h2 { font-size: 1.2rem; }
    dl { margin: 0; display: grid; gap: 0.6rem; }
    dt { font-weight: 700; }
    dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    ul { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.5rem; }
    .files { grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); }
    .files a { display: grid; gap: 0.25rem; color: #0b4f9c; font-weight: 600; min-height: 48px; align-content: center; }
    .files img { width: 100%; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 0.4rem; border: 1px solid #777; }
    .doc { display: grid; place-items: center; aspect-ratio: 4 / 3; border: 2px solid #555; border-radius: 0.4rem; font-weight: 700; color: #111; }
    .by { font-weight: 700; }
  `];

  override render() {
    const speak = this.speak;
    if (!speak || !this.view) return nothing;
    const t = speak.t;
    const { workOrder: order, room, reporter } = this.view;
    return html`
      <section aria-labelledby="order-title">
        <h2 id="order-title">${t('vendor.details')}</h2>
        <dl>
          <div><dt>${order.title}</dt>${order.description ? html`<dd data-description>${order.description}</dd>` : nothing}</div>
          ${order.instructions ? html`<div><dt>${t('vendor.instructions')}</dt><dd data-instructions>${order.instructions}</dd></div>` : nothing}
          <div><dt>${t('vendor.due')}</dt><dd data-due>${order.dueAt ? speak.time(order.dueAt, this.now) : t('vendor.noneGiven')}</dd></div>
          <div><dt>${t('vendor.costLimit')}</dt><dd data-cost>${order.costLimit ? money(speak.lang, order.costLimit) : t('vendor.noneGiven')}</dd></div>
          ${room ? html`<div><dt>${t('vendor.room')}</dt><dd data-room>${room.floor === null ? room.name : t('vendor.roomFloor', { room: room.name, floor: room.floor })}</dd></div>
            <div><dt>${t('vendor.roomStatus')}</dt><dd data-room-status>${this.#roomStatus(room.status)}</dd></div>` : nothing}
          ${reporter ? html`<div><dt>${t('vendor.reporter')}</dt><dd data-reporter>${reporter.contact}</dd></div>` : nothing}
        </dl>
      </section>
      ${this.#files()}
      ${this.#timeline()}`;
  }

  #roomStatus(status: string): string {
    const key = `status.${status}`;
    return this.speak!.has(key) ? this.speak!.t(key) : status;
  }

  #files() {
    const t = this.speak!.t;
    const files = this.view.workOrder.attachments;
    let photos = 0;
    let docs = 0;
    return html`
      <section aria-labelledby="files-title">
        <h2 id="files-title">${t('vendor.files')} <span class="hint">(${this.speak!.plural('vendor.fileCount', files.length)})</span></h2>
        ${files.length === 0 ? html`<p class="hint">${t('vendor.noFiles')}</p>` : html`<ul class="files" data-files>
          ${files.map((file) => {
            const pdf = file.type === PDF;
            const label = pdf ? t('vendor.pdf', { n: ++docs }) : t('vendor.photo', { n: ++photos });
            return html`<li data-file=${file.id} data-type=${file.type}><a href=${this.fileUrl(file.id)} target="_blank" rel="noopener noreferrer">
              ${pdf ? html`<span class="doc" aria-hidden="true">PDF</span>` : html`<img src=${this.fileUrl(file.id)} alt="" loading="lazy">`}
              <span>${label}</span></a></li>`;
          })}</ul>`}
      </section>`;
  }

  #timeline() {
    const speak = this.speak!;
    const t = speak.t;
    const order = this.view.workOrder;
    const at = (key: MessageKey, iso: string | null) => (iso ? html`<li>${t(key, { time: speak.time(iso, this.now) })}</li>` : nothing);
    return html`
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('vendor.timeline')}</h2>
        <ul data-timeline>
          ${at('vendor.sentAt', order.sentAt)}
          ${at('vendor.answeredAt', order.answeredAt)}
          ${order.declineReason ? html`<li data-declined>${t('vendor.declinedBecause', { reason: order.declineReason })}</li>` : nothing}
          ${at('vendor.startedAt', order.startedAt)}
          ${order.rejections.map((r) => html`<li data-sent-back>${t('vendor.sentBack', { reason: r.reason })}</li>`)}
          ${at('vendor.doneAt', order.doneAt)}
          ${order.report ? html`<li data-report>${t('vendor.report', { notes: order.report.notes || '–' })} · ${speak.plural('vendor.minutes', order.report.minutes)}</li>` : nothing}
        </ul>
        ${order.comments.length ? html`<h3>${t('vendor.comments')}</h3><ul data-comments>
          ${order.comments.map((c) => html`<li data-comment><span class="by">${t(c.by.startsWith('vendor:') ? 'vendor.fromYou' : 'vendor.fromTeam')}</span>
            · <span class="hint">${speak.time(c.at, this.now)}</span><br>${c.text}</li>`)}</ul>` : nothing}
      </section>`;
  }
}

customElements.define('ds-vendor-order', DsVendorOrder);

declare global {
  interface HTMLElementTagNameMap { 'ds-vendor-order': DsVendorOrder }
}
