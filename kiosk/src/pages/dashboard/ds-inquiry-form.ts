import { type Category, type PersonRecord, Priority, type Room, visibleTrim } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { ApiError } from '../../api/gateway-client.ts';
import { dashBase } from './dashboard-styles.ts';
import { DirectoryApi } from './directory-api.ts';

type Choice = Pick<Category, 'id' | 'name' | 'names'>;

/** An inquiry taken by hand (a phone call): who called, where, what. Saves it itself and fires `inquiry-saved`. */
export class DsInquiryForm extends LocalizedElement {
  static override properties = { rooms: { attribute: false }, persons: { state: true }, categories: { state: true }, message: { state: true }, failure: { state: true }, busy: { state: true } };
  declare rooms: readonly Room[];
  declare persons: PersonRecord[];
  declare categories: Choice[];
  declare message: string;
  declare failure: string;
  declare busy: boolean;
  readonly #api = new DirectoryApi(new URL('./', location.href));
  static override styles = [dashBase, css`
    form { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); border: 2px solid #1d1d1d; border-radius: 12px; padding: 14px; margin-bottom: 16px; }
    h3, .wide { grid-column: 1 / -1; }
    textarea { font: inherit; border: 2px solid #1d1d1d; border-radius: 8px; padding: 6px 12px; }
  `];

  constructor() {
    super();
    this.rooms = [];
    this.persons = [];
    this.categories = [];
    this.message = '';
    this.failure = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#api.directory().then((d) => { this.persons = d.persons; }, () => undefined);
    void this.#api.categories().then((c) => { this.categories = c; }, () => undefined);
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, name } = this.speak;
    return html`<form @submit=${this.#submit} data-inquiry-form aria-labelledby="new-inquiry-title">
      <h3 id="new-inquiry-title">${t('inq.new.title')}</h3>
      <label>${t('inq.new.known')}<select name="person"><option value="">${t('inq.new.pick')}</option>
        ${this.persons.map((p) => html`<option value=${p.id}>${p.name}${p.company ? ` · ${p.company}` : ''}</option>`)}</select></label>
      <label>${t('inq.new.newContact')}<input name="name" maxlength="120"></label>
      <label>${t('inq.new.email')}<input name="email" type="email" maxlength="200"></label>
      <label>${t('inq.new.phone')}<input name="phone" type="tel" maxlength="40"></label>
      <label>${t('inq.col.room')}<select name="room" required>${this.rooms.map((r) => html`<option value=${r.id}>${name(r.name, r.names)} (${r.id})</option>`)}</select></label>
      <label>${t('inq.new.category')}<select name="category" required>${this.categories.map((c) => html`<option value=${c.id}>${name(c.name, c.names)}</option>`)}</select></label>
      <label>${t('inq.col.priority')}<select name="priority">${Priority.options.map((p) => html`<option value=${p} ?selected=${p === 'normal'}>${t(`dash.priority.${p}`)}</option>`)}</select></label>
      <label class="wide">${t('inq.col.title')}<input name="title" maxlength="120" required></label>
      <label class="wide">${t('inq.new.description')}<textarea name="description" rows="3" maxlength="2000" required></textarea></label>
      <div class="wide row"><button class="primary" type="submit" ?disabled=${this.busy}>${t('inq.new.send')}</button>
        ${this.message ? html`<p role="status" data-saved>${this.message}</p>` : nothing}
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}</div>
    </form>`;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.speak!.t;
    const form = event.target as HTMLFormElement;
    const field = (n: string) => visibleTrim((form.elements.namedItem(n) as HTMLInputElement).value);
    this.message = '';
    this.failure = '';
    const person = field('person');
    const contact = field('name');
    if (!person && !contact) { this.failure = t('inq.new.needReporter'); return; }
    const reporter = person ? { person } : { name: contact, ...(field('email') ? { email: field('email') } : {}), ...(field('phone') ? { phone: field('phone') } : {}) };
    this.busy = true;
    try {
      const made = await this.#api.createInquiry({ reporter, room: field('room'), category: field('category'), priority: field('priority'), title: field('title'), description: field('description') });
      this.message = t('inq.new.sent', { ticket: made.ticket.id });
      form.reset();
      this.dispatchEvent(new CustomEvent('inquiry-saved', { detail: { ticket: made.ticket.id }, bubbles: true, composed: true }));
    } catch (error) {
      this.failure = t('inq.error', { message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-inquiry-form', DsInquiryForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-inquiry-form': DsInquiryForm }
}
