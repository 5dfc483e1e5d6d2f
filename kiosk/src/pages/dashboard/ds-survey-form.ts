import { css, html, nothing } from 'lit';
import type { CreateSurveyBody } from '@doorside/edge/contracts';
import { ApiError } from '../../api/gateway-client.ts';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { Lang } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import { DocumentsApi } from './documents-api.ts';
import { emptyQuestion, type PerLanguage, type QuestionDraft, type QuestionKind, surveyWords } from './survey-words.ts';

type TargetKind = 'building' | 'floor' | 'company';
/** The languages a survey may be written in, each named in its own language. */
const LANGUAGES = [['en', 'English'], ['zh', '中文'], ['nb', 'Norsk'], ['nl', 'Nederlands']] as const satisfies readonly (readonly [Lang, string])[];

/**
 * A new survey: its title and questions (scale, choice, text) in one or more of the four
 * languages (the title's languages are the survey's; every question is asked in them), whom it
 * is for and until when; fires `survey-created`.
 */
export class DsSurveyForm extends LocalizedElement {
  static override properties = { drafts: { state: true }, target: { state: true }, notice: { state: true }, busy: { state: true } };
  declare drafts: QuestionDraft[];
  declare target: TargetKind;
  declare notice: string;
  declare busy: boolean;
  static override styles = [dashBase, css`
    form { display: grid; gap: 12px; max-width: 60rem; }
    fieldset { border: 2px solid #c8c8c8; border-radius: 8px; display: grid; gap: 8px; }
    .languages { display: grid; gap: 8px 12px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
    .languages label { display: grid; gap: 2px; }
  `];
  readonly #api = new DocumentsApi(new URL('./', location.href));

  constructor() {
    super();
    this.drafts = [emptyQuestion()];
    this.target = 'building';
    this.notice = '';
    this.busy = false;
  }

  #edit(i: number, change: Partial<QuestionDraft>) {
    this.drafts = this.drafts.map((d, j) => (j === i ? { ...d, ...change } : d));
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.speak!.t;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const title: PerLanguage = Object.fromEntries(LANGUAGES.map(([l]) => [l, String(data.get(`title-${l}`) ?? '')]));
    const words = surveyWords(title, this.drafts);
    if ('problem' in words) {
      this.notice = t(words.problem === 'noWords' ? 'surveyDash.noWords' : 'surveyDash.sameLanguages');
      return;
    }
    const target = this.target === 'building' ? { kind: 'building' as const }
      : this.target === 'floor' ? { kind: 'floor' as const, floor: Number(data.get('floor')) } : { kind: 'company' as const, company: String(data.get('company')) };
    const body: CreateSurveyBody = { ...words, targets: [target], closesAt: new Date(`${String(data.get('closes'))}T23:59:00`).toISOString() };
    this.busy = true;
    try {
      const made = await this.#api.createSurvey(body);
      this.notice = t('surveyDash.created');
      form.reset();
      this.drafts = [emptyQuestion()];
      this.target = 'building';
      emit(this, 'survey-created', { id: made.id });
    } catch (error) {
      this.notice = t('surveyDash.refused', { message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const { t } = this.speak;
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    return html`<form data-survey-create @submit=${(e: SubmitEvent) => void this.#create(e)}>
      <fieldset><legend>${t('surveyDash.words')}</legend><div class="languages">
        ${LANGUAGES.map(([l, name]) => html`<label data-lang=${l}>${t('surveyDash.titleIn', { language: name })}<input name="title-${l}" lang=${l} maxlength="160"></label>`)}
      </div></fieldset>
      <div class="row">
        <label>${t('surveyDash.closesOn')}<input name="closes" type="date" min=${tomorrow} required></label>
        <label>${t('surveyDash.for')}<select name="target" @change=${(e: Event) => { this.target = (e.target as HTMLSelectElement).value as TargetKind; }}>
          <option value="building">${t('docs.place.building')}</option><option value="floor">${t('docDash.floor')}</option><option value="company">${t('docDash.company')}</option></select></label>
        ${this.target === 'floor' ? html`<label>${t('docDash.floor')}<input name="floor" type="number" step="1" required></label>` : nothing}
        ${this.target === 'company' ? html`<label>${t('docDash.company')}<input name="company" required maxlength="120"></label>` : nothing}
      </div>
      ${this.drafts.map((d, i) => this.#question(d, i))}
      <p class="row">
        <button type="button" data-add-question ?disabled=${this.drafts.length >= 20} @click=${() => { this.drafts = [...this.drafts, emptyQuestion()]; }}>${t('surveyDash.addQuestion')}</button>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('surveyDash.create')}</button>
      </p>
      <p role="status" data-form-notice>${this.notice}</p>
    </form>`;
  }

  #question(d: QuestionDraft, i: number) {
    const { t } = this.speak!;
    const typed = (field: 'prompt' | 'options', l: Lang) => (e: Event) => this.#edit(i, { [field]: { ...d[field], [l]: (e.target as HTMLInputElement).value } });
    return html`<fieldset data-draft=${i}><legend>${t('surveyDash.question', { n: i + 1 })}</legend>
      <label>${t('surveyDash.kind')}<select data-kind @change=${(e: Event) => this.#edit(i, { kind: (e.target as HTMLSelectElement).value as QuestionKind })}>
        ${(['scale', 'choice', 'text'] as const).map((k) => html`<option value=${k} ?selected=${d.kind === k}>${t(`surveyDash.kind.${k}`)}</option>`)}</select></label>
      <div class="languages">${LANGUAGES.map(([l, name]) => html`<div data-lang=${l}>
        <label>${t('surveyDash.promptIn', { language: name })}<input data-prompt lang=${l} maxlength="300" .value=${d.prompt[l] ?? ''} @input=${typed('prompt', l)}></label>
        ${d.kind === 'choice' ? html`<label>${t('surveyDash.optionsIn', { language: name })}<input data-options lang=${l} .value=${d.options[l] ?? ''} @input=${typed('options', l)}></label>` : nothing}
      </div>`)}</div>
    </fieldset>`;
  }
}

customElements.define('ds-survey-form', DsSurveyForm);
