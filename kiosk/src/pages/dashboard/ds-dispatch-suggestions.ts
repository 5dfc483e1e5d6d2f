import type { Suggestion, SuggestionReason, Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { DispatchApi } from '../../api/dispatch-api.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { emit } from '../../components/emit.ts';
import type { Translator } from '../../i18n/translator.ts';
import { dashBase } from './dashboard-styles.ts';

/** The statuses in which a ticket waits for someone to be given it. */
const dispatchable = new Set(['new', 'assigned', 'rejected', 'escalated']);

export function reasonWords(speak: Translator, reason: SuggestionReason, now: Date): string {
  switch (reason.code) {
    case 'LOAD': return speak.plural('dispatchSuggest.reason.LOAD', reason.params.open);
    case 'SKILL': return speak.t('dispatchSuggest.reason.SKILL');
    case 'SAME_FLOOR': return speak.t('dispatchSuggest.reason.SAME_FLOOR', { floor: reason.params.floor });
    case 'SAME_ZONE': return speak.t('dispatchSuggest.reason.SAME_ZONE', { zone: reason.params.zone });
    case 'CLASH': return speak.t('dispatchSuggest.reason.CLASH', { time: speak.time(reason.params.at, now) });
  }
}

/**
 * Who should take the ticket, best first, with the reasons the gateway gives; one click
 * assigns. Fires `dispatch` (detail `{ticket, body: {assignee}}`), as the dispatch form does.
 */
export class DsDispatchSuggestions extends LocalizedElement {
  static override properties = { ticket: { attribute: false }, busy: { type: Boolean }, list: { state: true }, offDuty: { state: true }, failed: { state: true } };
  declare ticket: Ticket | undefined;
  declare busy: boolean;
  declare list: Suggestion[] | undefined;
  declare offDuty: number;
  declare failed: boolean;
  readonly #api = new DispatchApi(new URL('./', location.href));
  #asked = '';

  static override styles = [dashBase, css`
    section { display: grid; gap: 8px; }
    ol { margin: 0; padding-left: 1.4rem; display: grid; gap: 8px; }
    li > div { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; }
    .reasons { color: #333; }
  `];

  constructor() {
    super();
    this.busy = false;
    this.offDuty = 0;
    this.failed = false;
  }

  override willUpdate(): void {
    const ticket = this.ticket;
    // Asked again whenever the ticket changes (a new assignee moves the loads).
    const key = ticket && dispatchable.has(ticket.status) ? `${ticket.id}@${ticket.updatedAt}` : '';
    if (key === this.#asked) return;
    this.#asked = key;
    this.list = undefined;
    if (!key) return;
    this.#api.suggestions(ticket!.id).then((found) => {
      if (this.#asked !== key) return;
      this.list = found.suggestions;
      this.offDuty = found.offDuty;
      this.failed = false;
    }, () => { if (this.#asked === key) this.failed = true; });
  }

  override render() {
    const ticket = this.ticket;
    if (!this.speak || !ticket || !dispatchable.has(ticket.status)) return nothing;
    const speak = this.speak;
    const now = new Date();
    return html`
      <section aria-labelledby="suggest-title" data-suggestions>
        <h3 id="suggest-title">${speak.t('dispatchSuggest.title')}</h3>
        ${this.failed ? html`<p role="alert">${speak.t('dispatchSuggest.failed')}</p>`
          : !this.list ? html`<p class="muted">${speak.t('dispatchSuggest.loading')}</p>`
            : this.list.length === 0 ? html`<p>${speak.t('dispatchSuggest.none')}</p>`
              : html`<ol>${this.list.map((s) => html`
                <li data-suggestion=${s.user}><div>
                  <span><strong>${s.name}</strong> <span class="reasons">· ${s.reasons.map((r) => reasonWords(speak, r, now)).join(' · ')}</span></span>
                  <button ?disabled=${this.busy || s.user === ticket.assignee} @click=${() => emit(this, 'dispatch', { ticket: ticket.id, body: { assignee: s.user } })}>${speak.t('dispatchSuggest.assign', { name: s.name })}</button>
                </div></li>`)}</ol>`}
        ${this.offDuty > 0 ? html`<p class="muted" data-off-duty>${speak.plural('dispatchSuggest.offDuty', this.offDuty)}</p>` : nothing}
      </section>`;
  }
}

customElements.define('ds-dispatch-suggestions', DsDispatchSuggestions);

declare global {
  interface HTMLElementTagNameMap { 'ds-dispatch-suggestions': DsDispatchSuggestions }
}
