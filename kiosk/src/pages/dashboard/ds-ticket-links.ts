import { LinkBody, type Ticket, type TicketLinks } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';
import { hashOf } from './dashboard-route.ts';
import { type Directory, DirectoryApi } from './directory-api.ts';
import { type FormProblems, problemsOfIssues, problemsOfRefusal } from './directory-refusal.ts';

type Found = { kind: 'person' | 'unit' | 'installation'; id: string; label: string };
const emptyLinks: TicketLinks = { persons: [], unit: null, installation: null };
const MAX_FOUND = 8;

/** Whom and what a ticket is about: its persons, unit and installation, with pickers to link more and buttons to unlink. */
export class DsTicketLinks extends LocalizedElement {
  static override properties = {
    ticket: { attribute: false }, directory: { state: true }, links: { state: true }, query: { state: true },
    mayLink: { state: true }, busy: { state: true }, problems: { state: true }, notice: { state: true },
  };
  declare ticket: Ticket | undefined;
  declare directory: Directory | undefined;
  declare links: TicketLinks;
  declare query: string;
  declare mayLink: boolean;
  declare busy: boolean;
  declare problems: FormProblems | undefined;
  declare notice: string;
  readonly #api = new DirectoryApi(new URL('./', location.href));
  static override styles = [dashBase, css`
    section { display: grid; gap: 10px; }
    ul { margin: 0; padding: 0; list-style: none; display: grid; gap: 6px; }
    li { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 14px; margin: 0; }
    dt { font-weight: 700; }
    dd { margin: 0; display: grid; gap: 6px; }
    input[type='search'] { width: 100%; max-width: 420px; }
  `];

  constructor() {
    super();
    this.links = emptyLinks;
    this.query = '';
    this.mayLink = false;
    this.busy = false;
    this.notice = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#api.rights().then((r) => { this.mayLink = r.includes('link'); }, () => undefined);
    this.#api.directory().then((d) => { this.directory = d; }, () => undefined);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('ticket')) {
      const before = changed.get('ticket') as Ticket | undefined;
      if (before?.id !== this.ticket?.id) { this.query = ''; this.notice = ''; this.problems = undefined; }
      this.links = this.ticket?.links ?? emptyLinks;
    }
  }

  override render() {
    if (!this.speak || !this.ticket || !this.mayLink) return nothing;
    const { t } = this.speak;
    const d = this.directory;
    if (!d) return html`<p class="muted" role="status">${t('dirForms.links.loading')}</p>`;
    const l = this.links;
    const person = (id: string) => d.persons.find((p) => p.id === id);
    const unit = l.unit ? d.units.find((u) => u.id === l.unit) : undefined;
    const installation = l.installation ? d.installations.find((i) => i.id === l.installation) : undefined;
    const remove = (label: string, change: object) => html`<button type="button" data-unlink ?disabled=${this.busy} @click=${() => void this.#send(change)}>${t('dirForms.links.remove')}<span class="sr-only">: ${label}</span></button>`;
    const found = this.#found(d);
    const form = this.problems?.form;
    return html`<section aria-labelledby="links-title" data-ticket-links>
      <h3 id="links-title">${t('dirForms.links.title')}</h3>
      ${l.persons.length === 0 && !l.unit && !l.installation ? html`<p class="muted">${t('dirForms.links.none')}</p>` : html`<dl>
        ${l.persons.length > 0 ? html`<dt>${t('dirForms.links.persons')}</dt><dd><ul>${l.persons.map((id) => {
          const name = person(id)?.name ?? id;
          return html`<li data-linked-person=${id}>${name}${person(id)?.company ? ` · ${person(id)!.company}` : ''} ${remove(name, { persons: l.persons.filter((p) => p !== id) })}</li>`;
        })}</ul></dd>` : nothing}
        ${l.unit ? html`<dt>${t('dirForms.links.unit')}</dt><dd><ul><li data-linked-unit=${l.unit}>${unit?.name ?? l.unit} ${remove(unit?.name ?? l.unit, { unit: null })}</li></ul></dd>` : nothing}
        ${l.installation ? html`<dt>${t('dirForms.links.installation')}</dt><dd><ul><li data-linked-installation=${l.installation}>${installation?.name ?? l.installation}
          <a href=${hashOf({ section: 'installation', installation: l.installation })} data-linked-history>${t('dirForms.links.history')}<span class="sr-only">: ${installation?.name ?? l.installation}</span></a>
          ${remove(installation?.name ?? l.installation, { installation: null })}</li></ul></dd>` : nothing}
      </dl>`}
      <label>${t('dirForms.links.search')}<input type="search" name="find" .value=${this.query} @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; }}></label>
      ${this.query.trim() ? html`<p class="muted" role="status" data-found-count>${this.speak.plural('dirForms.links.found', found.length)}</p>
        <ul data-found>${found.slice(0, MAX_FOUND).map((f) => html`<li data-found-item=${f.id}><span>${f.kind === 'person' ? t('dirForms.links.persons') : t(`dirForms.links.${f.kind}`)}: ${f.label}</span>
          <button type="button" ?disabled=${this.busy} @click=${() => void this.#link(f)}>${t('dirForms.links.link')}<span class="sr-only">: ${f.label}</span></button></li>`)}</ul>` : nothing}
      ${form ? html`<p class="error" role="alert" data-links-error>${t(form.key, form.params)}</p>` : nothing}
      ${this.notice ? html`<p role="status" data-links-saved>${this.notice}</p>` : nothing}
    </section>`;
  }

  /** Directory entries that match the search and are not linked yet: persons by name, company or e-mail; units by name or company; installations by name, make or serial. */
  #found(d: Directory): Found[] {
    const q = this.query.trim().toLocaleLowerCase();
    if (!q) return [];
    const hit = (...values: (string | null)[]) => values.some((v) => v?.toLocaleLowerCase().includes(q));
    const l = this.links;
    return [
      ...d.persons.filter((p) => !l.persons.includes(p.id) && hit(p.name, p.company, p.email)).map((p): Found => ({ kind: 'person', id: p.id, label: p.company ? `${p.name} · ${p.company}` : p.name })),
      ...d.units.filter((u) => u.id !== l.unit && hit(u.name, u.company)).map((u): Found => ({ kind: 'unit', id: u.id, label: u.company ? `${u.name} · ${u.company}` : u.name })),
      ...d.installations.filter((i) => i.id !== l.installation && hit(i.name, i.make, i.serial)).map((i): Found => ({ kind: 'installation', id: i.id, label: i.serial ? `${i.name} · ${i.serial}` : i.name })),
    ];
  }

  #link(f: Found): Promise<void> {
    return this.#send(f.kind === 'person' ? { persons: [...this.links.persons, f.id] } : { [f.kind]: f.id });
  }

  async #send(change: object): Promise<void> {
    const ticket = this.ticket;
    if (!ticket) return;
    const checked = LinkBody.safeParse(change);
    if (!checked.success) { this.problems = problemsOfIssues(checked.error.issues); return; }
    this.busy = true;
    this.problems = undefined;
    this.notice = '';
    try {
      const saved = await this.#api.link(ticket.id, checked.data);
      if (this.ticket?.id === saved.id) this.links = saved.links ?? emptyLinks;
      this.query = '';
      this.notice = this.speak!.t('dirForms.links.saved');
    } catch (error) {
      this.problems = problemsOfRefusal(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-ticket-links', DsTicketLinks);

declare global {
  interface HTMLElementTagNameMap { 'ds-ticket-links': DsTicketLinks }
}
