import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { occupantLook } from '../report/occupant-look.ts';
import type { VendorAction, VendorInput } from './vendor-api.ts';

export interface VendorActEvent { action: VendorAction; input: VendorInput }
const MAX_FILES = 3;

/**
 * What the vendor may do now, as buttons and small forms. It only reports: `vendor-act`
 * (detail: VendorActEvent); the page sends it and hands back `busy` and `failure`.
 */
export class DsVendorActions extends LocalizedElement {
  static override properties = { actions: { attribute: false }, busy: { attribute: false }, failure: {}, sent: { attribute: false }, declining: { state: true }, problem: { state: true } };
  declare actions: readonly VendorAction[];
  /** Null when idle; else the fraction sent, 0…100. */
  declare busy: number | null;
  declare failure: string;
  /** Counts the actions the gateway took: each one clears the forms, and nothing typed is lost before that. */
  declare sent: number;
  declare declining: boolean;
  declare problem: string;

  static override styles = [occupantLook, css`
    :host { display: grid; gap: 1rem; }
    form, .row { display: grid; gap: 0.6rem; }
    .row { grid-template-columns: 1fr 1fr; }
    fieldset { border: 2px solid #555; border-radius: 0.75rem; padding: 1rem; margin: 0; display: grid; gap: 0.75rem; min-width: 0; }
    legend { font-weight: 700; padding: 0 0.3rem; }
    textarea { min-height: 5rem; resize: vertical; }
    input[type='number'], input[type='file'] { width: 100%; font: inherit; min-height: 48px; padding: 0.5rem; border: 2px solid #555; border-radius: 0.5rem; background: #fff; color: #111; }
    button { width: 100%; }
  `];

  constructor() {
    super();
    this.actions = [];
    this.busy = null;
    this.failure = '';
    this.sent = 0;
    this.declining = false;
    this.problem = '';
  }

  override render() {
    const speak = this.speak;
    if (!speak || this.actions.length === 0) return nothing;
    const t = speak.t;
    const can = (a: VendorAction) => this.actions.includes(a);
    const busy = this.busy !== null;
    return html`
      <h2 class="sr">${t('vendor.actions')}</h2>
      ${this.problem || this.failure ? html`<p class="alert" role="alert" data-failure>${this.problem || this.failure}</p>` : nothing}
      ${busy ? html`<p role="status" data-sending>${t('vendor.sending', { percent: this.busy ?? 0 })}</p>` : nothing}
      ${can('accept') || can('decline') ? html`<div class="row">
        ${can('accept') ? html`<button class="primary" type="button" data-act="accept" ?disabled=${busy} @click=${() => this.#act('accept', {})}>${t('vendor.accept')}</button>` : nothing}
        ${can('decline') && !this.declining ? html`<button type="button" data-act="decline" ?disabled=${busy} @click=${() => { this.declining = true; }}>${t('vendor.decline')}</button>` : nothing}
      </div>` : nothing}
      ${can('decline') && this.declining ? html`<form @submit=${this.#decline} data-form="decline" novalidate>
        <label class="field">${t('vendor.declineReason')}<textarea name="reason" maxlength="1000" required></textarea></label>
        <div class="row"><button class="danger" type="submit" ?disabled=${busy}>${t('vendor.declineSend')}</button>
        <button type="button" @click=${() => { this.declining = false; }}>${t('vendor.cancel')}</button></div>
      </form>` : nothing}
      ${can('start') ? html`<button class="primary" type="button" data-act="start" ?disabled=${busy} @click=${() => this.#act('start', {})}>${t('vendor.start')}</button>` : nothing}
      ${can('done') ? html`<form @submit=${this.#done} data-form="done" novalidate><fieldset><legend>${t('vendor.done')}</legend>
        <label class="field">${t('vendor.doneNotes')}<textarea name="notes" maxlength="4000"></textarea></label>
        <label class="field">${t('vendor.doneMinutes')}<input type="number" name="minutes" min="0" max="100000" step="1" inputmode="numeric" required></label>
        <label class="field">${t('vendor.donePhotos')}<input type="file" name="files" accept="image/*" multiple></label>
        <button class="primary" type="submit" ?disabled=${busy}>${t('vendor.doneSend')}</button>
      </fieldset></form>` : nothing}
      ${can('files') ? html`<form @submit=${this.#files} data-form="files" novalidate><fieldset><legend>${t('vendor.files')}</legend>
        <label class="field">${t('vendor.addFiles')}<input type="file" name="files" accept="image/*,application/pdf,.pdf" multiple aria-describedby="files-hint"></label>
        <p class="hint" id="files-hint">${t('vendor.filesHint')}</p>
        <button type="submit" ?disabled=${busy}>${t('vendor.filesSend')}</button>
      </fieldset></form>` : nothing}
      ${can('comment') ? html`<form @submit=${this.#comment} data-form="comment" novalidate>
        <label class="field">${t('vendor.comment')}<textarea name="text" maxlength="2000" required></textarea></label>
        <button type="submit" ?disabled=${busy}>${t('vendor.commentSend')}</button>
      </form>` : nothing}`;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('sent') || changed.get('sent') === undefined) return;
    for (const form of this.renderRoot.querySelectorAll('form')) form.reset();
    this.declining = false;
  }

  #act(action: VendorAction, input: VendorInput): void {
    this.problem = '';
    emit(this, 'vendor-act', { action, input } satisfies VendorActEvent);
  }

  #fields(event: Event): { data: FormData } {
    event.preventDefault();
    return { data: new FormData(event.currentTarget as HTMLFormElement) };
  }

  #chosen(data: FormData): File[] | undefined {
    const files = data.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length > MAX_FILES) {
      this.problem = this.speak!.t('vendor.errorTooMany');
      return undefined;
    }
    return files;
  }

  #decline(event: Event): void {
    const { data } = this.#fields(event);
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) { this.problem = this.speak!.t('vendor.errorReason'); return; }
    this.#act('decline', { reason });
  }

  #comment(event: Event): void {
    const { data } = this.#fields(event);
    const text = String(data.get('text') ?? '').trim();
    if (!text) { this.problem = this.speak!.t('vendor.errorText'); return; }
    this.#act('comment', { text });
  }

  #files(event: Event): void {
    const { data } = this.#fields(event);
    const files = this.#chosen(data);
    if (!files) return;
    if (files.length === 0) { this.problem = this.speak!.t('vendor.errorNoFiles'); return; }
    this.#act('files', { files });
  }

  #done(event: Event): void {
    const { data } = this.#fields(event);
    const minutes = Number(String(data.get('minutes') ?? '').trim() || NaN);
    if (!Number.isInteger(minutes) || minutes < 0) { this.problem = this.speak!.t('vendor.errorMinutes'); return; }
    const files = this.#chosen(data);
    if (!files) return;
    this.#act('done', { notes: String(data.get('notes') ?? ''), minutes, files });
  }
}

customElements.define('ds-vendor-actions', DsVendorActions);

declare global {
  interface HTMLElementTagNameMap { 'ds-vendor-actions': DsVendorActions }
}
