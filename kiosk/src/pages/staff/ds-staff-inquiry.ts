import { type ChildrenView, inquiryStage, type PersonRecord, type Ticket, visibleTrim } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { ApiError } from '../../api/gateway-client.ts';
import { InquiryApi } from './inquiry-api.ts';
import { staffBase } from './staff-styles.ts';

type Kind = 'reply' | 'comment';

/**
 * An inquiry as staff work it: where it stands in the tenant's words, its child tasks, and
 * the Reply (to the reporter) and Comment (staff only) forms side by side, told apart by
 * heading, colour and a line saying who will see it.
 */
export class DsStaffInquiry extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, mayComplete: { type: Boolean }, reporter: { state: true }, tasks: { state: true }, sent: { state: true }, failure: { state: true }, busy: { state: true } };
  declare ticket: Ticket;
  declare mayComplete: boolean;
  declare reporter: PersonRecord | undefined;
  declare tasks: ChildrenView | undefined;
  declare sent: Kind | 'child' | '';
  declare failure: string;
  declare busy: boolean;
  readonly #api = new InquiryApi(new URL('./', location.href));

  static override styles = [staffBase, css`
    .split { display: grid; gap: 14px; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); align-items: start; }
    form { display: grid; gap: 10px; border-radius: 12px; padding: 14px; border: 3px solid; }
    form.reply { border-color: #0b5d1e; background: #eefaf0; }
    form.child { border-color: #1d1d1d; margin-top: 14px; }
    form.comment { border-color: #6b4a00; background: #fff6e0; border-style: dashed; }
    form h3 { margin: 0; }
    .who { font-weight: 600; }
    ul.log { margin: 0; padding-left: 20px; }
    .stage { font-weight: 800; }
    .offer { border: 2px solid #0b3d91; border-radius: 12px; padding: 12px; display: grid; gap: 8px; }
  `];

  constructor() {
    super();
    this.mayComplete = false;
    this.sent = '';
    this.failure = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>) {
    const before = changed.get('ticket') as Ticket | undefined;
    if (!changed.has('ticket') || (before?.id === this.ticket.id && before.updatedAt === this.ticket.updatedAt)) return;
    void this.#api.children(this.ticket.id).then((c) => { this.tasks = c; }, () => undefined);
    if (this.ticket.reporter.kind === 'person' && this.reporter?.id !== this.ticket.reporter.id) {
      void this.#api.persons().then((list) => { this.reporter = list.find((p) => p.id === this.ticket.reporter.id); }, () => undefined);
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, plural } = this.speak;
    const replies = this.ticket.history.filter((h) => h.visibility === 'reporter');
    const kids = this.tasks;
    return html`
      <section aria-labelledby="inquiry-title" data-inquiry-view>
        <h3 id="inquiry-title">${t('inq.view', { ticket: this.ticket.id })}</h3>
        <p>${t('inq.col.stage')}: <span class="stage" data-stage=${inquiryStage(this.ticket.status)}>${t(`inq.stage.${inquiryStage(this.ticket.status)}`)}</span></p>
        ${this.reporter ? html`<p data-reporter>${t('inq.col.reporter')}: ${this.reporter.name}${this.reporter.company ? ` · ${this.reporter.company}` : ''}</p>` : nothing}
        <h4>${t('inq.children.title')}</h4>
        ${!kids || kids.total === 0 ? html`<p class="muted">${t('inq.children.none')}</p>` : html`
          <p data-children-progress>${plural('inq.children.progress', kids.total, { done: kids.done })}</p>
          <ul class="log">${kids.children.map((c) => html`<li data-child=${c.id}>${c.id} · ${c.title} — ${t(`inq.stage.${c.stage}`)}</li>`)}</ul>`}
        ${kids?.mayClose && this.mayComplete ? html`<div class="offer" data-close-offer><p>${t('inq.close.offer')}</p>
          <button class="go" type="button" ?disabled=${this.busy} @click=${this.#close}>${t('inq.close')}</button></div>` : nothing}
        ${replies.length ? html`<h4>${t('inq.replies')}</h4><ul class="log" data-replies>${replies.map((r) => html`<li>${r.note}</li>`)}</ul>` : nothing}
        ${this.ticket.notes.length ? html`<h4>${t('inq.comments')}</h4><ul class="log" data-comments>${this.ticket.notes.map((n) => html`<li>${n.text}</li>`)}</ul>` : nothing}
        ${this.sent ? html`<p role="status" data-sent=${this.sent}>${t(this.sent === 'reply' ? 'inq.reply.sent' : this.sent === 'child' ? 'inq.child.sent' : 'inq.comment.sent')}</p>` : nothing}
        ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
        <div class="split">
          ${this.#form('reply', this.reporter ? t('inq.reply.who', { name: this.reporter.name }) : t('inq.reply.whoAnyone'))}
          ${this.#form('comment', t('inq.comment.who'))}
        </div>
        <form class="child" data-form="child" aria-labelledby="child-title" @submit=${this.#openChild}>
          <h3 id="child-title">${t('inq.child.title')}</h3>
          <label>${t('inq.child.kind')}<select name="kind"><option value="task">${t('inq.child.task')}</option><option value="work_order">${t('inq.child.work_order')}</option></select></label>
          <label>${t('inq.col.title')}<input name="title" maxlength="120"></label>
          <label>${t('inq.child.description')}<textarea name="description" rows="2" maxlength="2000"></textarea></label>
          <button class="go" type="submit" ?disabled=${this.busy}>${t('inq.child.send')}</button>
        </form>
      </section>`;
  }

  #form(kind: Kind, who: string) {
    const t = this.speak!.t;
    return html`<form class=${kind} data-form=${kind} aria-labelledby="${kind}-title" aria-describedby="${kind}-who" @submit=${(e: Event) => this.#send(e, kind)}>
      <h3 id="${kind}-title">${t(`inq.${kind}.title`)}</h3>
      <p class="who" id="${kind}-who">${who}</p>
      <label>${t(`inq.${kind}.label`)}<textarea name="text" rows="4" maxlength="4000"></textarea></label>
      <button class="go" type="submit" ?disabled=${this.busy}>${t(`inq.${kind}.send`)}</button>
    </form>`;
  }

  async #send(event: Event, kind: Kind): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const area = form.elements.namedItem('text') as HTMLTextAreaElement;
    const text = visibleTrim(area.value);
    this.sent = '';
    this.failure = '';
    if (!text) { this.failure = this.speak!.t('inq.empty'); return; }
    await this.#run(async () => {
      if (kind === 'reply') await this.#api.reply(this.ticket.id, text);
      else await this.#api.comment(this.ticket.id, text);
      area.value = '';
      this.sent = kind;
    });
  }

  #openChild = async (event: Event): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (n: string) => visibleTrim((form.elements.namedItem(n) as HTMLInputElement).value);
    this.sent = '';
    this.failure = '';
    if (!field('title') || !field('description')) { this.failure = this.speak!.t('inq.empty'); return; }
    await this.#run(async () => {
      await this.#api.child(this.ticket.id, { kind: field('kind') === 'work_order' ? 'work_order' : 'task', title: field('title'), description: field('description') });
      form.reset();
      this.sent = 'child';
      this.tasks = await this.#api.children(this.ticket.id);
    });
  };

  #close = () => this.#run(() => this.#api.close(this.ticket.id));

  async #run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } catch (error) {
      this.failure = this.speak!.t('inq.error', { message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('ds-staff-inquiry', DsStaffInquiry);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-inquiry': DsStaffInquiry }
}
