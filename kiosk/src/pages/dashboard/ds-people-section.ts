import type { Installation } from '@doorside/edge/contracts';
import { html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/en/index.ts';
import { dashBase } from './dashboard-styles.ts';
import { hashOf } from './dashboard-route.ts';
import { type Directory, DirectoryApi } from './directory-api.ts';

/** Where an installation stands: its room, or its floor. */
export const placeOf = (i: Pick<Installation, 'room' | 'floor'>, t: (key: MessageKey, params?: Record<string, string | number>) => string) =>
  i.room ?? (i.floor === null ? t('inq.none') : t('inq.floorN', { floor: i.floor }));

/** Persons, units and installations, each installation with a link to its history. */
export class DsPeopleSection extends LocalizedElement {
  static override properties = { directory: { state: true }, failed: { state: true } };
  declare directory: Directory | undefined;
  declare failed: boolean;
  static override styles = [dashBase];
  readonly #api = new DirectoryApi(new URL('./', location.href));

  constructor() {
    super();
    this.failed = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#api.directory().then((d) => { this.directory = d; }, () => { this.failed = true; });
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    if (this.failed) return html`<p class="error" role="alert">${t('inq.failed')}</p>`;
    const d = this.directory;
    if (!d) return html`<p class="muted" role="status">${t('inq.loading')}</p>`;
    const dash = (v: string | null) => v ?? t('inq.none');
    return html`
      <section aria-labelledby="persons-title"><h3 id="persons-title">${t('inq.persons')}</h3><div class="scroll"><table data-persons>
        <thead><tr><th scope="col">${t('inq.col.name')}</th><th scope="col">${t('inq.col.company')}</th><th scope="col">${t('inq.col.email')}</th><th scope="col">${t('inq.col.phone')}</th><th scope="col">${t('inq.col.language')}</th><th scope="col">${t('inq.col.notify')}</th></tr></thead>
        <tbody>${d.persons.map((p) => html`<tr data-person=${p.id}><td>${p.name}</td><td>${dash(p.company)}</td><td>${dash(p.email)}</td><td>${dash(p.phone)}</td><td>${p.language}</td><td>${t(p.notifyByEmail ? 'inq.yes' : 'inq.no')}</td></tr>`)}</tbody>
      </table></div></section>
      <section aria-labelledby="units-title"><h3 id="units-title">${t('inq.units')}</h3><div class="scroll"><table data-units>
        <thead><tr><th scope="col">${t('inq.col.name')}</th><th scope="col">${t('inq.col.company')}</th><th scope="col">${t('inq.col.floor')}</th><th scope="col">${t('inq.col.rooms')}</th></tr></thead>
        <tbody>${d.units.map((u) => html`<tr data-unit=${u.id}><td>${u.name}</td><td>${dash(u.company)}</td><td>${u.floor ?? t('inq.none')}</td><td>${u.rooms.join(', ')}</td></tr>`)}</tbody>
      </table></div></section>
      <section aria-labelledby="installations-title"><h3 id="installations-title">${t('inq.installations')}</h3><div class="scroll"><table data-installations>
        <thead><tr><th scope="col">${t('inq.col.name')}</th><th scope="col">${t('inq.col.kind')}</th><th scope="col">${t('inq.col.location')}</th><th scope="col">${t('inq.col.make')}</th><th scope="col">${t('inq.col.serial')}</th><th scope="col">${t('inq.history.open')}</th></tr></thead>
        <tbody>${d.installations.map((i) => html`<tr data-installation=${i.id}><td>${i.name}</td><td>${t(`inq.kind.${i.kind}`)}</td><td>${placeOf(i, t)}</td><td>${dash(i.make)}</td><td>${dash(i.serial)}</td>
          <td><a href=${hashOf({ section: 'installation', installation: i.id })} data-history-link>${t('inq.history.open')}<span class="sr-only">: ${i.name}</span></a></td></tr>`)}</tbody>
      </table></div></section>`;
  }
}

customElements.define('ds-people-section', DsPeopleSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-people-section': DsPeopleSection }
}
