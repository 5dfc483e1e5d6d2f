import type { Installation, Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/en/index.ts';
import { dashBase } from './dashboard-styles.ts';
import { hashOf } from './dashboard-route.ts';
import { type Directory, DirectoryApi, type Entry, type EntryKind } from './directory-api.ts';
import './ds-directory-form.ts';

/** Where an installation stands: its room, or its floor. */
export const placeOf = (i: Pick<Installation, 'room' | 'floor'>, t: (key: MessageKey, params?: Record<string, string | number>) => string) =>
  i.room ?? (i.floor === null ? t('inq.none') : t('inq.floorN', { floor: i.floor }));

type Editing = { kind: EntryKind; entry: Entry[EntryKind] | undefined };
const lists = { person: 'persons', unit: 'units', installation: 'installations' } as const;
const addWords: Record<EntryKind, MessageKey> = { person: 'dirForms.addPerson', unit: 'dirForms.addUnit', installation: 'dirForms.addInstallation' };

/**
 * Persons, units and installations, each installation with a link to its history. Viewers whose
 * role may keep the directory (as the gateway says) add and edit entries here; the lists follow.
 */
export class DsPeopleSection extends LocalizedElement {
  static override properties = {
    rooms: { attribute: false }, directory: { state: true }, failed: { state: true }, mayKeep: { state: true }, editing: { state: true }, saved: { state: true },
  };
  declare rooms: readonly Room[];
  declare directory: Directory | undefined;
  declare failed: boolean;
  /** Undefined until the gateway has said what the viewer may do. */
  declare mayKeep: boolean | undefined;
  declare editing: Editing | undefined;
  declare saved: string;
  static override styles = [dashBase, css`.add { margin: 4px 0 8px; } section + section { margin-top: 20px; }`];
  readonly #api = new DirectoryApi(new URL('./', location.href));

  constructor() {
    super();
    this.rooms = [];
    this.failed = false;
    this.saved = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#api.directory().then((d) => { this.directory = d; }, () => { this.failed = true; });
    this.#api.rights().then((r) => { this.mayKeep = r.includes('manage-directory'); }, () => { this.mayKeep = false; });
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('inq.failed')}</p>`;
    const d = this.directory;
    if (!d) return html`<p class="muted" role="status">${t('inq.loading')}</p>`;
    const dash = (v: string | null | undefined) => v ?? t('inq.none');
    const editHead = this.mayKeep ? html`<th scope="col"><span class="sr-only">${t('dirForms.edit')}</span></th>` : nothing;
    return html`
      <p role="status" data-directory-saved data-rights=${this.mayKeep === undefined ? 'pending' : 'known'}>${this.saved}</p>
      <section aria-labelledby="persons-title"><h3 id="persons-title">${t('inq.persons')}</h3>${this.#keep('person')}<div class="scroll"><table data-persons>
        <thead><tr><th scope="col">${t('inq.col.name')}</th><th scope="col">${t('inq.col.company')}</th><th scope="col">${t('peopleLinks.col.unit')}</th><th scope="col">${t('inq.col.email')}</th><th scope="col">${t('inq.col.phone')}</th><th scope="col">${t('inq.col.language')}</th><th scope="col">${t('inq.col.notify')}</th>${editHead}</tr></thead>
        <tbody>${d.persons.map((p) => html`<tr data-person=${p.id}><td>${p.name}</td><td>${dash(p.company)}</td><td>${dash(d.units.find((u) => u.id === p.unit)?.name)}</td><td>${dash(p.email)}</td><td>${dash(p.phone)}</td><td>${p.language}</td><td>${t(p.notifyByEmail ? 'inq.yes' : 'inq.no')}</td>${this.#editCell('person', p)}</tr>`)}</tbody>
      </table></div></section>
      <section aria-labelledby="units-title"><h3 id="units-title">${t('inq.units')}</h3>${this.#keep('unit')}<div class="scroll"><table data-units>
        <thead><tr><th scope="col">${t('inq.col.name')}</th><th scope="col">${t('inq.col.company')}</th><th scope="col">${t('inq.col.floor')}</th><th scope="col">${t('inq.col.rooms')}</th>${editHead}</tr></thead>
        <tbody>${d.units.map((u) => html`<tr data-unit=${u.id}><td>${u.name}</td><td>${dash(u.company)}</td><td>${u.floor ?? t('inq.none')}</td><td>${u.rooms.join(', ')}</td>${this.#editCell('unit', u)}</tr>`)}</tbody>
      </table></div></section>
      <section aria-labelledby="installations-title"><h3 id="installations-title">${t('inq.installations')}</h3>${this.#keep('installation')}<div class="scroll"><table data-installations>
        <thead><tr><th scope="col">${t('inq.col.name')}</th><th scope="col">${t('inq.col.kind')}</th><th scope="col">${t('inq.col.location')}</th><th scope="col">${t('inq.col.make')}</th><th scope="col">${t('inq.col.serial')}</th><th scope="col">${t('inq.history.open')}</th>${editHead}</tr></thead>
        <tbody>${d.installations.map((i) => html`<tr data-installation=${i.id}><td>${i.name}</td><td>${t(`inq.kind.${i.kind}`)}</td><td>${placeOf(i, t)}</td><td>${dash(i.make)}</td><td>${dash(i.serial)}</td>
          <td><a href=${hashOf({ section: 'installation', installation: i.id })} data-history-link>${t('inq.history.open')}<span class="sr-only">: ${i.name}</span></a></td>${this.#editCell('installation', i)}</tr>`)}</tbody>
      </table></div></section>`;
  }

  /** The add button of one list, and its form when open (adding, or editing one of its entries). */
  #keep(kind: EntryKind) {
    if (!this.mayKeep) return nothing;
    const open = this.editing?.kind === kind;
    return html`<button class="add" type="button" data-add=${kind} aria-expanded=${open && !this.editing?.entry ? 'true' : 'false'}
        @click=${() => { this.editing = { kind, entry: undefined }; this.saved = ''; }}>${this.speak!.t(addWords[kind])}</button>
      ${open ? html`<ds-directory-form .kind=${kind} .entry=${this.editing!.entry} .rooms=${this.rooms} .units=${this.directory?.units ?? []}
        @cancel=${() => { this.editing = undefined; }} @directory-saved=${this.#onSaved}></ds-directory-form>` : nothing}`;
  }

  #editCell(kind: EntryKind, entry: Entry[EntryKind]) {
    if (!this.mayKeep) return nothing;
    return html`<td><button type="button" data-edit=${entry.id} @click=${() => { this.editing = { kind, entry }; this.saved = ''; }}>${this.speak!.t('dirForms.edit')}<span class="sr-only">: ${entry.name}</span></button></td>`;
  }

  readonly #onSaved = (e: CustomEvent<{ kind: EntryKind; entry: Entry[EntryKind] }>) => {
    const { kind, entry } = e.detail;
    const d = this.directory;
    if (!d) return;
    const list: readonly Entry[EntryKind][] = d[lists[kind]];
    const next = list.some((x) => x.id === entry.id) ? list.map((x) => (x.id === entry.id ? entry : x)) : [...list, entry];
    this.directory = { ...d, [lists[kind]]: next };
    this.editing = undefined;
    this.saved = this.speak!.t('dirForms.saved', { name: entry.name });
  };
}

customElements.define('ds-people-section', DsPeopleSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-people-section': DsPeopleSection }
}
