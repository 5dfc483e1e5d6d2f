import {
  CreateInstallationBody, CreatePersonBody, CreateUnitBody, InstallationKind, PersonLanguage, type Room, type Unit, visibleTrim,
} from '@doorside/edge/contracts';
import { css, html, nothing, type TemplateResult } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/en/index.ts';
import { dashBase } from './dashboard-styles.ts';
import { DirectoryApi, type Entry, type EntryKind } from './directory-api.ts';
import { type FormProblems, problemsOfIssues, problemsOfRefusal } from './directory-refusal.ts';

const none: FormProblems = { fields: {}, form: undefined };
const titles: Record<EntryKind, MessageKey> = { person: 'dirForms.newPerson', unit: 'dirForms.newUnit', installation: 'dirForms.newInstallation' };

/**
 * Adds or changes one directory entry: checks it with the shared schema, saves it, and fires
 * `directory-saved` with the stored entry; a refusal is shown next to its field. `cancel` closes it.
 */
export class DsDirectoryForm extends LocalizedElement {
  static override properties = { kind: {}, entry: { attribute: false }, rooms: { attribute: false }, units: { attribute: false }, problems: { state: true }, busy: { state: true } };
  declare kind: EntryKind;
  declare entry: Entry[EntryKind] | undefined;
  declare rooms: readonly Room[];
  /** The units a person may belong to. */
  declare units: readonly Unit[];
  declare problems: FormProblems;
  declare busy: boolean;
  readonly #api = new DirectoryApi(new URL('./', location.href));
  static override styles = [dashBase, css`
    form { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); border: 2px solid #1d1d1d; border-radius: 12px; padding: 14px; margin: 12px 0; background: #fff; }
    h4, .wide, fieldset { grid-column: 1 / -1; }
    h4 { margin: 0; font-size: 1rem; }
    .field { display: grid; gap: 4px; align-content: start; }
    fieldset { border: 1px solid #767676; border-radius: 8px; display: flex; flex-wrap: wrap; gap: 6px 16px; }
    .check { display: flex; gap: 8px; align-items: center; font-weight: 600; min-height: 44px; }
    .check input { min-height: auto; width: 22px; height: 22px; }
    [aria-invalid='true'] { border-color: #8a0010; }
    .hint { margin: 0; font-size: 0.85rem; color: #3d3d3d; }
  `];

  constructor() {
    super();
    this.kind = 'person';
    this.entry = undefined;
    this.rooms = [];
    this.units = [];
    this.problems = none;
    this.busy = false;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const form = this.problems.form;
    return html`<form @submit=${this.#submit} novalidate data-directory-form=${this.kind} aria-labelledby="form-title">
      <h4 id="form-title">${this.entry ? t('dirForms.editing', { name: this.entry.name }) : t(titles[this.kind])}</h4>
      ${this.kind === 'person' ? this.#person() : this.kind === 'unit' ? this.#unit() : this.#installation()}
      <div class="wide row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('dirForms.save')}</button>
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>${t('dirForms.cancel')}</button>
        ${form ? html`<p class="error" role="alert" data-form-error>${t(form.key, form.params)}</p>` : nothing}
      </div>
    </form>`;
  }

  /** A labelled text input with its problem, if any, right under it. */
  #text(field: string, label: MessageKey, value: string | null | undefined, type = 'text'): TemplateResult {
    const problem = this.problems.fields[field];
    return html`<div class="field"><label>${this.speak!.t(label)}
      <input name=${field} type=${type} .value=${value ?? ''} maxlength="200" aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? `${field}-problem` : nothing}></label>
      ${problem ? html`<p class="error" id="${field}-problem" data-field-error=${field}>${this.speak!.t(problem)}</p>` : nothing}</div>`;
  }

  #person() {
    const p = this.kind === 'person' && this.entry && 'email' in this.entry ? this.entry : undefined;
    const { t, lang } = this.speak!;
    const languages = new Intl.DisplayNames([lang], { type: 'language' });
    return html`${this.#text('name', 'dirForms.name', p?.name)}${this.#text('company', 'dirForms.company', p?.company)}
      ${this.#text('email', 'dirForms.email', p?.email, 'email')}${this.#text('phone', 'dirForms.phone', p?.phone, 'tel')}
      <label>${t('dirForms.language')}<select name="language">${PersonLanguage.options.map((l) => html`<option value=${l} ?selected=${(p?.language ?? lang) === l}>${languages.of(l) ?? l}</option>`)}</select></label>
      <label class="check"><input type="checkbox" name="notifyByEmail" ?checked=${p?.notifyByEmail ?? false}>${t('dirForms.notify')}</label>
      <div class="field"><label>${t('peopleLinks.unit')}<select name="unit" aria-describedby="unit-hint">
        <option value="">${t('peopleLinks.noUnit')}</option>
        ${this.units.map((u) => html`<option value=${u.id} ?selected=${p?.unit === u.id}>${u.name}</option>`)}</select></label>
        <p class="hint" id="unit-hint">${t('peopleLinks.unitHint')}</p></div>`;
  }

  #unit() {
    const u = this.entry && 'rooms' in this.entry ? this.entry : undefined;
    const { t, name } = this.speak!;
    return html`${this.#text('name', 'dirForms.name', u?.name)}${this.#text('company', 'dirForms.tenant', u?.company)}
      ${this.#text('floor', 'dirForms.floor', u?.floor === null || u?.floor === undefined ? '' : String(u.floor), 'number')}
      <fieldset><legend>${t('dirForms.rooms')}</legend>${this.rooms.map((r) => html`
        <label class="check"><input type="checkbox" name="rooms" value=${r.id} ?checked=${u?.rooms.includes(r.id) ?? false}>${name(r.name, r.names)} (${r.id})</label>`)}</fieldset>`;
  }

  #installation() {
    const i = this.entry && 'serial' in this.entry ? this.entry : undefined;
    const { t, name } = this.speak!;
    const problem = this.problems.fields.room;
    return html`<label>${t('dirForms.kind')}<select name="kind">${InstallationKind.options.map((k) => html`<option value=${k} ?selected=${i?.kind === k}>${t(`inq.kind.${k}`)}</option>`)}</select></label>
      ${this.#text('name', 'dirForms.name', i?.name)}
      <div class="field"><label>${t('dirForms.room')}<select name="room" aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'room-problem' : nothing}>
        <option value="">${t('dirForms.noRoom')}</option>
        ${this.rooms.map((r) => html`<option value=${r.id} ?selected=${i?.room === r.id}>${name(r.name, r.names)} (${r.id})</option>`)}</select></label>
        ${problem ? html`<p class="error" id="room-problem" data-field-error="room">${t(problem)}</p>` : nothing}</div>
      ${this.#text('floor', 'dirForms.floor', i?.floor === null || i?.floor === undefined ? '' : String(i.floor), 'number')}
      ${this.#text('make', 'dirForms.make', i?.make)}${this.#text('serial', 'dirForms.serial', i?.serial)}`;
  }

  /** The form's values in the contract's shape: an empty optional field is `null`. */
  #values(form: HTMLFormElement): Record<string, unknown> {
    const data = new FormData(form);
    const text = (n: string) => visibleTrim(String(data.get(n) ?? ''));
    const optional = (n: string) => text(n) || null;
    const floor = () => (text('floor') === '' ? null : Number(text('floor')));
    switch (this.kind) {
      case 'person':
        return { name: text('name'), company: optional('company'), email: optional('email'), phone: optional('phone'), language: text('language'), notifyByEmail: data.get('notifyByEmail') !== null, unit: optional('unit') };
      case 'unit':
        return { name: text('name'), company: optional('company'), floor: floor(), rooms: data.getAll('rooms').map(String) };
      case 'installation':
        return { kind: text('kind'), name: text('name'), room: optional('room'), floor: floor(), make: optional('make'), serial: optional('serial') };
    }
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const schema = { person: CreatePersonBody, unit: CreateUnitBody, installation: CreateInstallationBody }[this.kind];
    const checked = schema.safeParse(this.#values(event.target as HTMLFormElement));
    if (!checked.success) { this.problems = problemsOfIssues(checked.error.issues); return; }
    this.problems = none;
    this.busy = true;
    const id = this.entry?.id;
    try {
      const saved = this.kind === 'person' ? await this.#api.savePerson(id, checked.data)
        : this.kind === 'unit' ? await this.#api.saveUnit(id, checked.data) : await this.#api.saveInstallation(id, checked.data);
      this.dispatchEvent(new CustomEvent('directory-saved', { detail: { kind: this.kind, entry: saved }, bubbles: true, composed: true }));
    } catch (error) {
      this.problems = problemsOfRefusal(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-directory-form', DsDirectoryForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-directory-form': DsDirectoryForm }
}
