import { css, html, nothing } from 'lit';
import { ApiError } from '../../api/gateway-client.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { wordsIn } from '../../components/document-words.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { DocumentsApi, type SurveyResult } from './documents-api.ts';
import { dashBase } from './dashboard-styles.ts';
import './ds-survey-form.ts';

/** The surveys' figures: response rate, per-question counts, means and words, and each survey's answers as CSV. */
export class DsSurveyResults extends LocalizedElement {
  static override properties = { surveys: { state: true }, problem: { state: true } };
  declare surveys: SurveyResult[] | undefined;
  declare problem: MessageKey | null;
  static override styles = [dashBase, css`
    article { border-top: 2px solid #c8c8c8; padding-top: 16px; margin-top: 16px; display: grid; gap: 10px; }
    .bar { display: inline-block; height: 12px; background: #0b3d91; vertical-align: middle; margin-right: 6px; }
    ul.texts { margin: 0; padding-left: 1.2rem; }
    ul.texts li { white-space: pre-wrap; overflow-wrap: anywhere; }
    summary { cursor: pointer; font-weight: 700; min-height: 44px; display: flex; align-items: center; }
  `];
  readonly #api = new DocumentsApi(new URL('./', location.href));

  constructor() {
    super();
    this.problem = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.surveys = await this.#api.surveys();
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof ApiError && error.status === 403 ? 'surveyDash.notAllowed' : 'surveys.failed';
    }
  }

  #question(s: SurveyResult, index: number) {
    const speak = this.speak!;
    const { t, lang } = speak;
    const q = s.survey.questions[index]!;
    const r = s.questions[index]!;
    const most = Math.max(1, ...r.counts);
    const rows = q.kind === 'scale' ? r.counts.map((n, i) => [String(i + 1), n] as const)
      : q.kind === 'choice' ? r.counts.map((n, i) => [wordsIn(q.options[i] ?? {}, lang), n] as const) : [];
    return html`<section data-question=${q.id} aria-labelledby=${`${s.survey.id}-${q.id}`}>
      <h4 id=${`${s.survey.id}-${q.id}`}>${wordsIn(q.prompt, lang)} <span class="muted">(${speak.plural('surveyDash.responses', r.answered)})</span></h4>
      ${r.average !== null ? html`<p data-average>${t('surveyDash.average', { value: new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(r.average) })}</p>` : nothing}
      ${rows.length > 0 ? html`<table><thead><tr><th scope="col">${t(q.kind === 'scale' ? 'surveyDash.score' : 'surveyDash.option')}</th><th scope="col">${t('surveyDash.count')}</th></tr></thead>
        <tbody>${rows.map(([label, n]) => html`<tr><td>${label}</td><td><span class="bar" style="width:${Math.round((n / most) * 120)}px" aria-hidden="true"></span>${n}</td></tr>`)}</tbody></table>` : nothing}
      ${q.kind === 'text' ? (r.texts.length === 0 ? html`<p class="muted">${t('surveyDash.noTexts')}</p>` : html`<ul class="texts">${r.texts.map((text) => html`<li>${text}</li>`)}</ul>`) : nothing}
    </section>`;
  }

  override render() {
    if (!this.speak) return nothing;
    const speak = this.speak;
    const { t, lang } = speak;
    if (this.problem) return html`<p class="error" role="alert">${t(this.problem)}</p>`;
    if (!this.surveys) return html`<p class="muted" role="status">${t('surveys.loading')}</p>`;
    const now = new Date();
    const create = html`<details data-create><summary>${t('surveyDash.new')}</summary><ds-survey-form @survey-created=${() => void this.#load()}></ds-survey-form></details>`;
    if (this.surveys.length === 0) return html`${create}<p class="muted">${t('surveyDash.none')}</p>`;
    const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    return html`${create}${this.surveys.map((s) => html`<article data-survey=${s.survey.id} aria-labelledby=${`${s.survey.id}-title`}>
      <h3 id=${`${s.survey.id}-title`}>${wordsIn(s.survey.title, lang)}</h3>
      <p class="muted">${t(`surveyDash.status.${s.survey.status}`)} · ${t('surveyDash.window', { from: speak.time(s.survey.opensAt, now), to: speak.time(s.survey.closesAt, now) })}</p>
      <p data-rate><strong>${t('surveyDash.rate', { responses: s.responses, targeted: s.targeted, percent: percent.format(s.rate) })}</strong></p>
      ${s.survey.questions.map((_, i) => this.#question(s, i))}
      <p><a class="button" data-csv href=${this.#api.csvUrl(s.survey.id)} download>${t('surveyDash.csv')}<span class="sr-only">: ${wordsIn(s.survey.title, lang)}</span></a></p>
    </article>`)}`;
  }
}

customElements.define('ds-survey-results', DsSurveyResults);
