import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import '../../components/ds-push-switch.ts';
import { LocalizingPage } from '../../components/localizing-page.ts';
import type { Lang, MessageKey } from '../../i18n/index.ts';
import { pickLanguage } from '../../i18n/pick-language.ts';
import { translator } from '../../i18n/translator.ts';
import { type Me, type NewRequest, PortalApi } from './portal-api.ts';
import './portal-announcements.ts';
import './portal-approvals.ts';
import { portalLook } from './portal-look.ts';
import './portal-orders.ts';
import { refusalKey } from './portal-refusal.ts';
import './portal-request-form.ts';
import './portal-requests.ts';
import './portal-sign-in.ts';
import { followPortal } from './portal-feed.ts';
import { emptyData, loadAll, type PortalData } from './portal-store.ts';

type Phase = 'loading' | 'signed-out' | 'confirm' | 'signed-in';
/** Sections other parts of the portal add by defining these elements; the page shows each once it is defined. */
const MOUNTED = ['ds-portal-documents', 'ds-portal-surveys'] as const;

/** The tenant portal: sign-in by a mailed link, then the tenant's announcements, approvals, requests and orders. */
export class DsPortalPage extends LocalizingPage {
  static override properties = {
    phase: { state: true }, me: { state: true }, data: { state: true }, signIn: { state: true }, filing: { state: true }, answering: { state: true },
  };
  declare phase: Phase;
  declare me: Me | null;
  declare data: PortalData;
  declare signIn: { step: 'form' | 'sent' | 'confirm'; problem: MessageKey | null; busy: boolean; sentTo: string; minutes: number };
  declare filing: { busy: boolean; problem: MessageKey | null; sent: boolean };
  declare answering: { busy: string | null; problem: { id: string; key: MessageKey } | null };

  readonly #api = new PortalApi(new URL('./', location.href));
  readonly #chosenLanguage = new URL(location.href).searchParams.has('lang');
  #token: string | null = null;
  #wanted: string | null = null;
  /** Stops the live feed the signed-in portal follows. */
  #unfollow: (() => void) | null = null;

  static override styles = [portalLook, css`
    :host { display: block; min-height: 100vh; background: #f4f4f4; }
    header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.75rem 1rem; background: #fff; border-bottom: 2px solid #111; }
    h1 { font-size: 1.3rem; }
    main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 3rem; display: grid; gap: 1rem; }
    .who { display: grid; gap: 0.25rem; }
  `];

  constructor() {
    super();
    this.speak = translator(pickLanguage(new URL(location.href).searchParams, navigator.languages).lang);
    this.phase = 'loading';
    this.me = null;
    this.data = emptyData();
    this.signIn = { step: 'form', problem: null, busy: false, sentTo: '', minutes: 15 };
    this.filing = { busy: false, problem: null, sent: false };
    this.answering = { busy: null, problem: null };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.speak.lang;
    for (const tag of MOUNTED) void customElements.whenDefined(tag).then(() => this.requestUpdate());
    addEventListener('hashchange', this.#onHash);
    this.#readAddress();
    void this.#start();
  }

  override disconnectedCallback(): void {
    this.#unfollow?.();
    this.#unfollow = null;
    removeEventListener('hashchange', this.#onHash);
    super.disconnectedCallback();
  }

  /** A link opened in a portal tab already open: its token, or the request it points at. */
  readonly #onHash = () => {
    this.#readAddress();
    if (this.#token) {
      this.signIn = { ...this.signIn, step: 'confirm', problem: null, busy: false };
      this.phase = 'confirm';
    } else if (this.#wanted && this.phase === 'signed-in') void this.#openRequest(this.#wanted);
  };

  #readAddress(): void {
    const hash = new URLSearchParams(location.hash.slice(1));
    this.#token = hash.get('link') ?? this.#token;
    this.#wanted = hash.get('request');
    // The token leaves the address at once: a reload or a shared screen does not show it again.
    if (hash.has('link')) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }

  async #start(): Promise<void> {
    if (this.#token) {
      this.signIn = { ...this.signIn, step: 'confirm' };
      this.phase = 'confirm';
      return;
    }
    try {
      const me = await this.#api.me();
      if (me) await this.#enter(me);
      else this.phase = 'signed-out';
    } catch {
      this.phase = 'signed-out';
    }
  }

  async #enter(me: Me): Promise<void> {
    this.me = me;
    if (!this.#chosenLanguage && me.language !== this.speak.lang) this.switchLanguage(me.language);
    this.data = await loadAll(this.#api, me, this.#wanted);
    this.phase = 'signed-in';
    // Requests, replies, approvals and announcements arrive as they happen, without a reload.
    this.#unfollow?.();
    this.#unfollow = followPortal(new URL('./', location.href), () => void this.#refresh().catch(() => undefined), () => this.#ended());
  }

  async #refresh(): Promise<void> {
    if (this.me) this.data = await loadAll(this.#api, this.me, this.data.open?.id ?? null);
  }

  async #askLink(email: string): Promise<void> {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) { this.signIn = { ...this.signIn, problem: 'portal.badEmail', sentTo: email }; return; }
    this.signIn = { ...this.signIn, busy: true, problem: null, sentTo: email };
    try {
      const { minutes } = await this.#api.askLink(email);
      this.signIn = { step: 'sent', problem: null, busy: false, sentTo: email, minutes };
    } catch (error) {
      this.signIn = { ...this.signIn, busy: false, problem: refusalKey(error, 'portal.badEmail') };
    }
  }

  async #confirm(): Promise<void> {
    if (!this.#token) return;
    this.signIn = { ...this.signIn, busy: true, problem: null };
    try {
      const me = await this.#api.spendLink(this.#token);
      this.#token = null;
      await this.#enter(me);
    } catch (error) {
      this.signIn = { ...this.signIn, busy: false, problem: refusalKey(error, 'portal.linkUnknown') };
    }
  }

  async #signOut(): Promise<void> {
    await this.#api.signOut().catch(() => undefined);
    this.#unfollow?.();
    this.#unfollow = null;
    this.me = null;
    this.data = emptyData();
    this.signIn = { step: 'form', problem: null, busy: false, sentTo: '', minutes: 15 };
    this.phase = 'signed-out';
  }

  /** The session ended elsewhere (signed out on another tab, expired): back to the sign-in form. */
  #ended(): void {
    this.#unfollow = null;
    this.me = null;
    this.data = emptyData();
    this.signIn = { step: 'form', problem: null, busy: false, sentTo: '', minutes: 15 };
    this.phase = 'signed-out';
  }

  async #openRequest(id: string | null): Promise<void> {
    this.#wanted = null;
    this.data = { ...this.data, open: id ? await this.#api.request(id).catch(() => null) : null };
  }

  async #file(request: NewRequest): Promise<void> {
    if (!request.title || !request.description) { this.filing = { busy: false, problem: 'portal.newMissing', sent: false }; return; }
    this.filing = { busy: true, problem: null, sent: false };
    try {
      await this.#api.file(request);
      this.filing = { busy: false, problem: null, sent: true };
      await this.#refresh();
    } catch (error) {
      this.filing = { busy: false, problem: refusalKey(error, 'portal.newMissing'), sent: false };
    }
  }

  async #decide(detail: { id: string; decision: 'approve' | 'decline'; comment?: string }): Promise<void> {
    if (detail.decision === 'decline' && !detail.comment) { this.answering = { busy: null, problem: { id: detail.id, key: 'portal.reasonNeeded' } }; return; }
    this.answering = { busy: detail.id, problem: null };
    try {
      await this.#api.decide(detail.id, detail.decision, detail.comment);
      this.answering = { busy: null, problem: null };
    } catch (error) {
      this.answering = { busy: null, problem: { id: detail.id, key: refusalKey(error) } };
    }
    await this.#refresh().catch(() => undefined);
  }

  async #markRead(id: string): Promise<void> {
    await this.#api.markRead(id).catch(() => undefined);
    this.data = { ...this.data, announcements: this.data.announcements.map((a) => (a.id === id ? { ...a, read: true } : a)) };
  }

  override render() {
    const t = this.speak.t;
    document.title = t('portal.title');
    return html`
      <header>
        <h1>${t('portal.title')}</h1>
        <ds-lang-switch .lang=${this.speak.lang} .label=${t('portal.language')} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => this.switchLanguage(e.detail.lang)}></ds-lang-switch>
      </header>
      <main>${this.#body()}</main>`;
  }

  #body() {
    const t = this.speak.t;
    if (this.phase === 'loading') return html`<p role="status">${t('portal.loading')}</p>`;
    if (this.phase !== 'signed-in' || !this.me) {
      return html`<ds-portal-sign-in .step=${this.signIn.step} .problem=${this.signIn.problem} .busy=${this.signIn.busy} .sentTo=${this.signIn.sentTo} .minutes=${this.signIn.minutes}
        @ask-link=${(e: CustomEvent<{ email: string }>) => void this.#askLink(e.detail.email)} @confirm-link=${() => void this.#confirm()}></ds-portal-sign-in>`;
    }
    const me = this.me;
    const now = new Date();
    return html`
      <section class="card who" aria-label=${t('portal.signedInAs', { name: me.name })}>
        <p data-me><strong>${t('portal.signedInAs', { name: me.name })}</strong></p>
        ${me.company ? html`<p class="muted">${t(me.role === 'tenant_admin' ? 'portal.companyAdmin' : 'portal.companyOf', { company: me.company })}</p>` : nothing}
        <ds-push-switch></ds-push-switch>
        <p><button type="button" data-sign-out @click=${() => void this.#signOut()}>${t('portal.signOut')}</button></p>
      </section>
      <ds-portal-announcements .announcements=${this.data.announcements} .now=${now} @announcement-read=${(e: CustomEvent<{ id: string }>) => void this.#markRead(e.detail.id)}></ds-portal-announcements>
      <ds-portal-approvals .approvals=${this.data.approvals} .now=${now} .problem=${this.answering.problem} .busy=${this.answering.busy}
        @approval-decide=${(e: CustomEvent<{ id: string; decision: 'approve' | 'decline'; comment?: string }>) => void this.#decide(e.detail)}></ds-portal-approvals>
      <ds-portal-requests .requests=${this.data.requests} .open=${this.data.open} .now=${now}
        @request-open=${(e: CustomEvent<{ id: string }>) => void this.#openRequest(e.detail.id)} @request-close=${() => void this.#openRequest(null)}>
        ${me.rights.includes('open-request') ? html`<ds-portal-request-form slot="new" .unit=${me.unit} .categories=${this.data.categories}
          .problem=${this.filing.problem} .busy=${this.filing.busy} .sent=${this.filing.sent}
          @request-file=${(e: CustomEvent<NewRequest>) => void this.#file(e.detail)}></ds-portal-request-form>` : nothing}
      </ds-portal-requests>
      <ds-portal-orders .orders=${this.data.orders} .now=${now}></ds-portal-orders>
      ${customElements.get('ds-portal-documents') ? html`<ds-portal-documents .me=${me}></ds-portal-documents>` : nothing}
      ${customElements.get('ds-portal-surveys') ? html`<ds-portal-surveys .me=${me}></ds-portal-surveys>` : nothing}`;
  }
}

customElements.define('ds-portal-page', DsPortalPage);
