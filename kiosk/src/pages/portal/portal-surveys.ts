import { html, nothing } from 'lit';
import { type PortalMe, type SurveyAnswer, TenantSurveys } from '@doorside/edge/contracts';
import { ApiError, sendToGateway } from '../../api/gateway-client.ts';
import { wordsIn } from '../../components/document-words.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { portalSectionLook } from './portal-section-look.ts';

type OpenSurvey = TenantSurveys['surveys'][number];

/** The surveys open for the signed-in tenant: each answered once, by its scale, choice and text questions. */
export class DsPortalSurveys extends LocalizedElement {
  static override properties = { me: { attribute: false }, surveys: { state: true }, failed: { state: true }, busy: { state: true }, outcome: { state: true } };
  declare me: PortalMe | null;
  declare surveys: OpenSurvey[] | undefined;
  declare failed: boolean;
  declare busy: string | null;
  /** Per survey: the words shown after trying to send it. */
  declare outcome: Record<string, { key: MessageKey; ok: boolean }>;
  static override styles = portalSectionLook;
  readonly #base = new URL('./', location.href);

  constructor() {
    super();
    this.me = null;
    this.failed = false;
    this.busy = null;
    this.outcome = {};
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.surveys = TenantSurveys.parse(await sendToGateway(this.#base, 'GET', '/api/portal/surveys')).surveys;
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }

  #answers(survey: OpenSurvey, form: HTMLFormElement): SurveyAnswer[] | null {
    const data = new FormData(form);
    const answers: SurveyAnswer[] = [];
    for (const q of survey.questions) {
      const value = data.get(q.id);
      const text = typeof value === 'string' ? value.trim() : '';
      if (q.kind === 'text') {
        if (text) answers.push({ question: q.id, text });
        continue;
      }
      if (!text) return null;
      answers.push(q.kind === 'scale' ? { question: q.id, score: Number(text) } : { question: q.id, choice: Number(text) });
    }
    return answers;
  }

  async #send(survey: OpenSurvey, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const answers = this.#answers(survey, event.target as HTMLFormElement);
    if (!answers) { this.outcome = { ...this.outcome, [survey.id]: { key: 'tenantSurveys.missing', ok: false } }; return; }
    this.busy = survey.id;
    let result: { key: MessageKey; ok: boolean };
    try {
      await sendToGateway(this.#base, 'POST', `/api/portal/surveys/${encodeURIComponent(survey.id)}/answers`, { answers });
      result = { key: 'tenantSurveys.thanks', ok: true };
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      result = code === 'ALREADY_ANSWERED' ? { key: 'tenantSurveys.answered', ok: true }
        : code === 'SURVEY_NOT_OPEN' ? { key: 'tenantSurveys.closedNow', ok: false }
          : code === 'BAD_ANSWER' ? { key: 'tenantSurveys.missing', ok: false } : { key: 'tenantSurveys.sendFailed', ok: false };
    }
    this.busy = null;
    this.outcome = { ...this.outcome, [survey.id]: result };
    if (result.ok) this.surveys = this.surveys?.map((s) => (s.id === survey.id ? { ...s, answered: true } : s));
  }

  #question(survey: OpenSurvey, q: OpenSurvey['questions'][number]) {
    const { t, lang } = this.speak!;
    const prompt = wordsIn(q.prompt, lang);
    const id = `${survey.id}-${q.id}`;
    if (q.kind === 'text') {
      return html`<label class="field" for=${id}>${prompt} <span class="hint">(${t('tenantSurveys.optional')})</span>
        <textarea id=${id} name=${q.id} maxlength="2000"></textarea></label>`;
    }
    const options = q.kind === 'scale' ? [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) })) : q.options.map((o, i) => ({ value: i, label: wordsIn(o, lang) }));
    return html`<fieldset data-question=${q.id}><legend>${prompt}</legend>
      ${q.kind === 'scale' ? html`<p class="hint">${t('tenantSurveys.scaleHint')}</p>` : nothing}
      <div class="choices">${options.map((o) => html`<label><input type="radio" name=${q.id} value=${o.value} required>${o.label}</label>`)}</div>
    </fieldset>`;
  }

  #survey(survey: OpenSurvey) {
    const speak = this.speak!;
    const { t, lang } = speak;
    const outcome = this.outcome[survey.id];
    const said = outcome ? html`<p class=${outcome.ok ? 'ok' : 'alert'} role=${outcome.ok ? 'status' : 'alert'} data-outcome>${t(outcome.key)}</p>` : nothing;
    return html`<li data-survey=${survey.id}>
      <h3>${wordsIn(survey.title, lang)}</h3>
      <p class="muted">${t('tenantSurveys.closes', { when: speak.time(survey.closesAt, new Date()) })}</p>
      ${survey.answered ? (outcome ? said : html`<p class="ok" data-answered>${t('tenantSurveys.answered')}</p>`) : html`
        <form novalidate data-survey-form @submit=${(e: SubmitEvent) => void this.#send(survey, e)}>
          ${survey.questions.map((q) => this.#question(survey, q))}
          ${said}
          <p><button class="primary" type="submit" ?disabled=${this.busy === survey.id}>${this.busy === survey.id ? t('tenantSurveys.sending') : t('tenantSurveys.send')}</button></p>
        </form>`}
    </li>`;
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    return html`<section class="card" aria-labelledby="surveys-title" data-portal-surveys>
      <h2 id="surveys-title">${t('tenantSurveys.title')}</h2>
      ${this.failed ? html`<p class="alert" role="alert">${t('surveys.failed')}</p>`
        : !this.surveys ? html`<p class="muted" role="status">${t('surveys.loading')}</p>`
          : this.surveys.length === 0 ? html`<p class="muted">${t('tenantSurveys.none')}</p>` : html`<ul class="plain">${this.surveys.map((s) => this.#survey(s))}</ul>`}
    </section>`;
  }
}

customElements.define('ds-portal-surveys', DsPortalSurveys);
