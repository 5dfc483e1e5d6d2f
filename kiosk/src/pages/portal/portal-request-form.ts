import { html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Category, Me } from './portal-api.ts';
import { portalLook } from './portal-look.ts';

/** A new request for a room of the tenant's unit; fires `request-file` (detail: room, category, title, description). */
export class DsPortalRequestForm extends LocalizedElement {
  static override properties = { unit: { attribute: false }, categories: { attribute: false }, problem: {}, busy: { type: Boolean }, sent: { type: Boolean }, opened: { state: true } };
  declare unit: Me['unit'];
  declare categories: Category[];
  declare problem: MessageKey | null;
  declare busy: boolean;
  declare sent: boolean;
  declare opened: boolean;

  static override styles = portalLook;

  constructor() {
    super();
    this.unit = null;
    this.categories = [];
    this.problem = null;
    this.busy = false;
    this.sent = false;
    this.opened = false;
  }

  /** Closes the form once the page says the request went in. */
  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('sent') && this.sent) this.opened = false;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, name } = this.speak;
    const sent = this.sent ? html`<p class="ok" role="status" data-filed>${t('portal.newSent')}</p>` : nothing;
    if (!this.unit) return html`<p class="muted">${t('portal.newNoUnit')}</p>`;
    if (!this.opened) return html`${sent}<p><button class="primary" type="button" data-new @click=${() => { this.opened = true; }}>${t('portal.newRequest')}</button></p>`;
    return html`<form novalidate @submit=${this.#file} aria-labelledby="new-title" data-new-form>
      <h3 id="new-title">${t('portal.newRequest')}</h3>
      <label class="field">${t('portal.newRoom')}<select name="room">${this.unit.rooms.map((r) => html`<option value=${r.id}>${name(r.name, r.names)}</option>`)}</select></label>
      <label class="field">${t('portal.newCategory')}<select name="category">${this.categories.map((c) => html`<option value=${c.id}>${name(c.name, c.names)}</option>`)}</select></label>
      <label class="field">${t('portal.newTitle')}<input type="text" name="title" maxlength="120" required></label>
      <label class="field">${t('portal.newDescription')}<textarea name="description" rows="4" maxlength="2000" required></textarea></label>
      ${this.problem ? html`<p class="alert" role="alert" data-problem>${t(this.problem)}</p>` : nothing}
      <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t(this.busy ? 'portal.newSending' : 'portal.newSend')}</button>
        <button type="button" @click=${() => { this.opened = false; }}>${t('portal.cancel')}</button></div>
    </form>`;
  }

  #file(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (key: string) => String(form.get(key) ?? '').trim();
    emit(this, 'request-file', { room: field('room'), category: field('category'), title: field('title'), description: field('description') });
  }
}

customElements.define('ds-portal-request-form', DsPortalRequestForm);
