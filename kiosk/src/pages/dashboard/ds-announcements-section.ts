import type { AnnouncementTarget, CreateAnnouncementBody, Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { ApiError } from '../../api/gateway-client.ts';
import { wordsFor } from '../../components/announcement-words.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Translator } from '../../i18n/translator.ts';
import { AnnouncementsApi, type ListedAnnouncement } from './announcements-api.ts';
import { dashBase } from './dashboard-styles.ts';

/** The languages an announcement may be written in, each named in its own language. */
const LANGUAGES = [['en', 'English'], ['zh', '中文'], ['nb', 'Norsk'], ['nl', 'Nederlands']] as const;
/** The roles an announcement may be meant for: people who read pages, not devices or the system. */
const ROLES = ['staff', 'supervisor', 'floor_manager', 'reception', 'facility_head', 'admin', 'vendor', 'tenant', 'tenant_admin'] as const;
const RELOAD_MS = 15_000;

const REFUSALS: Record<string, MessageKey> = {
  MISSING_TRANSLATION: 'annDash.sameLanguages',
  BAD_ANNOUNCEMENT_WINDOW: 'annDash.badWindow',
  UNKNOWN_TARGET: 'annDash.unknownTarget',
  UNKNOWN_ROOM: 'annDash.unknownTarget',
  NOT_PERMITTED: 'annDash.notAllowed',
};

/** A `datetime-local` value, read in the browser's time zone, as an instant. */
const instant = (value: FormDataEntryValue | null) => (typeof value === 'string' && value ? new Date(value).toISOString() : undefined);

/**
 * The dashboard's announcements: write one (title and text in one or more languages; the
 * whole building, floors, zones, rooms, companies or roles; start and expiry), the live and
 * planned ones and the past ones with their reach, and taking one down.
 */
export class DsAnnouncementsSection extends LocalizedElement {
  static override properties = {
    rooms: { attribute: false }, list: { state: true }, companies: { state: true }, failed: { state: true }, notice: { state: true }, problem: { state: true }, busy: { state: true },
  };
  declare rooms: Room[];
  declare list: ListedAnnouncement[] | undefined;
  declare companies: string[];
  declare failed: boolean;
  declare notice: string;
  declare problem: string;
  declare busy: boolean;
  readonly #api = new AnnouncementsApi(new URL('./', location.href));
  #timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [dashBase, css`
    section + section, form + section { margin-top: 24px; }
    form { display: grid; gap: 16px; }
    fieldset { border: 1px solid #bdbdbd; border-radius: 8px; padding: 10px 14px; margin: 0; display: grid; gap: 10px; min-width: 0; }
    legend { font-weight: 700; padding: 0 4px; }
    .languages { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); }
    .choices { display: flex; flex-wrap: wrap; gap: 4px 16px; }
    .choices label, label.check { display: flex; flex-direction: row; align-items: center; gap: 8px; font-weight: 400; font-size: 1rem; min-height: 44px; }
    input[type=checkbox] { min-height: auto; width: 22px; height: 22px; }
    input[type=text], textarea { width: 100%; }
    textarea { font: inherit; min-height: 80px; border-radius: 8px; border: 2px solid #1d1d1d; padding: 6px 12px; }
    .hint { font-weight: 400; color: #444; }
    .reach { list-style: none; margin: 0; padding: 0; }
    td p { overflow-wrap: anywhere; white-space: pre-line; }
  `];

  constructor() {
    super();
    this.rooms = [];
    this.companies = [];
    this.failed = false;
    this.notice = '';
    this.problem = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
    void this.#api.companies().then((c) => { this.companies = c; }, () => {});
    // Planned ones go live and live ones expire by the gateway's clock: the list follows.
    this.#timer = setInterval(() => void this.#load(), RELOAD_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  async #load(): Promise<void> {
    try {
      this.list = await this.#api.list();
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  async #publish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.speak!.t;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const title: Record<string, string> = {};
    const text: Record<string, string> = {};
    for (const [lang] of LANGUAGES) {
      const ti = String(data.get(`title-${lang}`) ?? '').trim();
      const te = String(data.get(`text-${lang}`) ?? '').trim();
      if (ti) title[lang] = ti;
      if (te) text[lang] = te;
    }
    const targets: AnnouncementTarget[] = data.get('building') ? [{ kind: 'building' }] : [
      ...data.getAll('floor').map((f) => ({ kind: 'floor' as const, floor: Number(f) })),
      ...data.getAll('zone').map((zone) => ({ kind: 'zone' as const, zone: String(zone) })),
      ...data.getAll('room').map((room) => ({ kind: 'room' as const, room: String(room) })),
      ...data.getAll('company').map((company) => ({ kind: 'company' as const, company: String(company) })),
      ...data.getAll('role').map((role) => ({ kind: 'role' as const, role: String(role) as (typeof ROLES)[number] })),
    ];
    const startsAt = instant(data.get('startsAt'));
    const expiresAt = instant(data.get('expiresAt'));
    this.notice = '';
    this.problem = Object.keys(title).length === 0 ? t('annDash.noWords')
      : Object.keys(title).sort().join() !== Object.keys(text).sort().join() ? t('annDash.sameLanguages')
      : targets.length === 0 ? t('annDash.noAudience')
      : !expiresAt ? t('annDash.noExpiry') : '';
    if (this.problem || !expiresAt) return;
    const body = { title, text, targets, expiresAt, ...(startsAt ? { startsAt } : {}) } as CreateAnnouncementBody;
    this.busy = true;
    try {
      const made = await this.#api.create(body);
      form.reset();
      this.notice = t(made.status === 'scheduled' ? 'annDash.scheduled' : 'annDash.published');
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      this.problem = t((code && REFUSALS[code]) || 'annDash.refused');
    } finally {
      this.busy = false;
    }
    await this.#load();
  }

  async #withdraw(id: string): Promise<void> {
    const t = this.speak!.t;
    this.notice = '';
    this.problem = '';
    try {
      await this.#api.withdraw(id);
      this.notice = t('annDash.withdrawn');
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      this.problem = t((code && REFUSALS[code]) || 'annDash.refused');
    }
    await this.#load();
  }

  override render() {
    const speak = this.speak;
    if (!speak) return nothing;
    const { t } = speak;
    const current = (this.list ?? []).filter((a) => a.status === 'scheduled' || a.status === 'live');
    const past = (this.list ?? []).filter((a) => a.status === 'expired' || a.status === 'withdrawn');
    return html`
      ${this.#form(speak)}
      <p role="status" data-notice>${this.notice}</p>
      ${this.problem ? html`<p class="error" role="alert" data-problem>${this.problem}</p>` : nothing}
      ${this.failed ? html`<p class="error" role="alert">${t('annDash.failed')}</p>` : nothing}
      ${!this.failed && !this.list ? html`<p class="muted" role="status">${t('annDash.loading')}</p>` : nothing}
      ${this.list ? html`
        <section aria-labelledby="ann-current-title">
          <h3 id="ann-current-title">${t('annDash.current')}</h3>
          ${this.#table(speak, current, 'current')}
        </section>
        <section aria-labelledby="ann-past-title">
          <h3 id="ann-past-title">${t('annDash.past')}</h3>
          ${this.#table(speak, past, 'past')}
        </section>` : nothing}`;
  }

  #form(speak: Translator) {
    const { t } = speak;
    const floors = [...new Set(this.rooms.map((r) => r.floor))].sort((a, b) => a - b);
    const zones = [...new Map(this.rooms.map((r) => [r.zone, r])).values()];
    const check = (name: string, value: string, label: string) => html`<label><input type="checkbox" name=${name} value=${value}>${label}</label>`;
    const group = (kind: string, key: MessageKey, items: unknown[]) => items.length === 0 ? nothing
      : html`<fieldset data-kind=${kind}><legend>${t(key)}</legend><div class="choices">${items}</div></fieldset>`;
    return html`
      <form data-announce @submit=${(e: SubmitEvent) => void this.#publish(e)} novalidate>
        <h3>${t('annDash.write')}</h3>
        <fieldset><legend>${t('annDash.words')}</legend><div class="languages">
          ${LANGUAGES.map(([lang, name]) => html`<div data-lang=${lang}>
            <label>${t('annDash.titleIn', { language: name })}<input type="text" name="title-${lang}" lang=${lang} maxlength="120"></label>
            <label>${t('annDash.textIn', { language: name })}<textarea name="text-${lang}" lang=${lang} maxlength="2000"></textarea></label>
          </div>`)}
        </div></fieldset>
        <fieldset data-audience><legend>${t('annDash.audience')}</legend>
          <label class="check"><input type="checkbox" name="building" value="1">${t('annDash.kind.building')}</label>
          ${group('floor', 'annDash.kind.floor', floors.map((f) => check('floor', String(f), t('annDash.target.floor', { floor: f }))))}
          ${group('zone', 'annDash.kind.zone', zones.map((r) => check('zone', r.zone, speak.name(r.zone, r.zoneNames))))}
          ${group('room', 'annDash.kind.room', this.rooms.map((r) => check('room', r.id, speak.name(r.name, r.names))))}
          ${group('company', 'annDash.kind.company', this.companies.map((c) => check('company', c, c)))}
          ${group('role', 'annDash.kind.role', ROLES.map((role) => check('role', role, t(`annDash.role.${role}`))))}
        </fieldset>
        <div class="row">
          <label>${t('annDash.startsAt')}<input type="datetime-local" name="startsAt"><span class="hint">${t('annDash.startsHint')}</span></label>
          <label>${t('annDash.expiresAt')}<input type="datetime-local" name="expiresAt" required></label>
        </div>
        <div><button class="primary" type="submit" ?disabled=${this.busy}>${t('annDash.publish')}</button></div>
      </form>`;
  }

  #table(speak: Translator, list: ListedAnnouncement[], which: string) {
    const { t } = speak;
    if (list.length === 0) return html`<p class="muted" data-none=${which}>${t('annDash.none')}</p>`;
    const now = new Date();
    return html`<div class="scroll"><table data-list=${which}>
      <thead><tr><th scope="col">${t('annDash.col.announcement')}</th><th scope="col">${t('annDash.col.audience')}</th><th scope="col">${t('annDash.col.window')}</th>
        <th scope="col">${t('annDash.col.reach')}</th><th scope="col">${t('annDash.col.status')}</th>${which === 'current' ? html`<th scope="col">${t('annDash.col.action')}</th>` : nothing}</tr></thead>
      <tbody>${list.map((a) => {
        const words = wordsFor({ ...a, until: a.expiresAt }, [speak.lang]);
        return html`<tr data-announcement=${a.id}>
          <td><p lang=${words.lang}><strong>${words.title}</strong></p><p lang=${words.lang}>${words.text}</p></td>
          <td>${a.targets.map((target) => this.#target(speak, target)).join(', ')}</td>
          <td>${t('annDash.window', { from: speak.time(a.startsAt, now), to: speak.time(a.expiresAt, now) })}</td>
          <td><ul class="reach" data-reach>
            <li>${speak.plural('annDash.reach.rooms', a.reach.rooms)}</li>
            <li>${speak.plural('annDash.reach.signs', a.reach.signs)}</li>
            <li data-targeted>${speak.plural('annDash.reach.targeted', a.reach.persons)}</li>
            <li data-delivered>${speak.plural('annDash.reach.delivered', a.reach.mailed)}</li>
            <li data-read>${speak.plural('annDash.reach.read', a.reach.read)}</li>
          </ul></td>
          <td data-status=${a.status}>${t(`annDash.status.${a.status}`)}</td>
          ${which === 'current' ? html`<td><button type="button" data-withdraw @click=${() => void this.#withdraw(a.id)}>${t('annDash.withdraw')}</button></td>` : nothing}
        </tr>`;
      })}</tbody>
    </table></div>`;
  }

  #target(speak: Translator, target: AnnouncementTarget): string {
    switch (target.kind) {
      case 'building': return speak.t('annDash.kind.building');
      case 'floor': return speak.t('annDash.target.floor', { floor: target.floor });
      case 'zone': return target.zone;
      case 'room': {
        const room = this.rooms.find((r) => r.id === target.room);
        return room ? speak.name(room.name, room.names) : target.room;
      }
      case 'company': return target.company;
      case 'role': {
        const key = `annDash.role.${target.role}`;
        return speak.has(key) ? speak.t(key) : target.role;
      }
    }
  }
}

customElements.define('ds-announcements-section', DsAnnouncementsSection);

declare global {
  interface HTMLElementTagNameMap { 'ds-announcements-section': DsAnnouncementsSection }
}
