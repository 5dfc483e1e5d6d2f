import { css, html, nothing } from 'lit';
import type { CreateSurveyBody } from '@doorside/edge/contracts';
import { ApiError } from '../../api/gateway-client.ts';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { languages, type Lang } from '../../i18n/index.ts';
import { dashBase } from './dashboard-styles.ts';
import { DocumentsApi } from './documents-api.ts';

type Kind = 'scale' | 'choice' | 'text';
interface Draft { kind: Kind; prompt: string; options: string }
type TargetKind = 'building' | 'floor' | 'company';

/** A new survey in one language: its title, questions (scale, choice, text), whom it is for and until when; fires `survey-created`. */
export class DsSurveyForm extends LocalizedElement {
  static override properties = { drafts: { state: true }, target: { state: true }, notice: { state: true }, busy: { state: true } };
  declare drafts: Draft[];
  declare target: TargetKind;
  declare notice: string;
  declare busy: boolean;
  static override styles = [dashBase, css`
    form { display: grid; gap: 12px; max-width: 44rem; }
    fieldset { border: 2px solid #c8c8c8; border-radius: 8px; display: grid; gap: 8px; }
  `];
  readonly #api = new DocumentsApi(new URL('./', location.href));

  constructor() {
    super();
    this.drafts = [{ kind: 'scale', prompt: '', options: '' }];
    this.target = 'building';
    this.notice = '';
    this.busy = false;
  }

  #edit(i: number, change: Partial<Draft>) {
    this.drafts = this.drafts.map((d, j) => (j === i ? { ...d, ...change } : d));
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const lang = String(data.get('lang')) as Lang;
    const words = (text: string) => ({ [lang]: text.trim() });
    const target = this.target === 'building' ? { kind: 'building' as const }
      : this.target === 'floor' ? { kind: 'floor' as const, floor: Number(data.get('floor')) } : { kind: 'company' as const, company: String(data.get('company')) };
    const body: CreateSurveyBody = {
      title: words(String(data.get('title'))),
      questions: this.drafts.map((d, i) => {
        const id = `q${i + 1}`;
        if (d.kind === 'choice') return { id, kind: 'choice', prompt: words(d.prompt), options: d.options.split(',').map((o) => o.trim()).filter(Boolean).map(words) };
        return { id, kind: d.kind, prompt: words(d.prompt) };
      }),
      targets: [target],
      closesAt: new Date(`${String(data.get('closes'))}T23:59:00`).toISOString(),
    };
    this.busy = true;
    try {
      const made = await this.#api.createSurvey(body);
      this.notice = this.speak!.t('surveyDash.created');
      form.reset();
      this.drafts = [{ kind: 'scale', prompt: '', options: '' }];
      this.target = 'building';
      emit(this, 'survey-created', { id: made.id });
    } catch (error) {
      this.notice = this.speak!.t('surveyDash.refused', { message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10);
    return html`<form data-survey-create @submit=${(e: SubmitEvent) => void this.#create(e)}>
      <div class="row">
        <label>${t('docDash.titleLanguage')}<select name="lang">${languages.map((l) => html`<option value=${l} ?selected=${l === lang}>${l}</option>`)}</select></label>
        <label>${t('docDash.title')}<input name="title" required maxlength="160"></label>
        <label>${t('surveyDash.closesOn')}<input name="closes" type="date" min=${tomorrow} required></label>
      </div>
      <div class="row">
        <label>${t('surveyDash.for')}<select name="target" @change=${(e: Event) => { this.target = (e.target as HTMLSelectElement).value as TargetKind; }}>
          <option value="building">${t('docs.place.building')}</option><option value="floor">${t('docDash.floor')}</option><option value="company">${t('docDash.company')}</option></select></label>
        ${this.target === 'floor' ? html`<label>${t('docDash.floor')}<input name="floor" type="number" step="1" required></label>` : nothing}
        ${this.target === 'company' ? html`<label>${t('docDash.company')}<input name="company" required maxlength="120"></label>` : nothing}
      </div>
      ${this.drafts.map((d, i) => html`<fieldset data-draft=${i}><legend>${t('surveyDash.question', { n: i + 1 })}</legend>
        <div class="row">
          <label>${t('surveyDash.kind')}<select @change=${(e: Event) => this.#edit(i, { kind: (e.target as HTMLSelectElement).value as Kind })}>
            ${(['scale', 'choice', 'text'] as const).map((k) => html`<option value=${k} ?selected=${d.kind === k}>${t(`surveyDash.kind.${k}`)}</option>`)}</select></label>
          <label>${t('surveyDash.prompt')}<input required maxlength="300" .value=${d.prompt} @input=${(e: Event) => this.#edit(i, { prompt: (e.target as HTMLInputElement).value })}></label>
          ${d.kind === 'choice' ? html`<label>${t('surveyDash.options')}<input required .value=${d.options} @input=${(e: Event) => this.#edit(i, { options: (e.target as HTMLInputElement).value })}></label>` : nothing}
        </div>
      </fieldset>`)}
      <p class="row">
        <button type="button" data-add-question ?disabled=${this.drafts.length >= 20} @click=${() => { this.drafts = [...this.drafts, { kind: 'scale', prompt: '', options: '' }]; }}>${t('surveyDash.addQuestion')}</button>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('surveyDash.create')}</button>
      </p>
      <p role="status" data-form-notice>${this.notice}</p>
    </form>`;
  }
}

customElements.define('ds-survey-form', DsSurveyForm);
