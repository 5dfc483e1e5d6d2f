import { css, html, nothing } from 'lit';
import '../../components/ds-form-footer.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { occupantLook } from '../report/occupant-look.ts';
import { emit } from '../../components/emit.ts';

export interface RatingInput { score: number; comment: string }

/** One to five stars and a comment; `send-rating` (detail: RatingInput) asks the owner to send it. */
export class DsRatingForm extends LocalizedElement {
  static override properties = { busy: { type: Boolean }, failure: {}, score: { state: true }, comment: { state: true }, missing: { state: true } };
  declare busy: boolean;
  declare failure: string;
  declare score: number;
  declare comment: string;
  declare missing: boolean;

  static override styles = [occupantLook, css`
    form { display: grid; gap: 0.9rem; }
    h2 { font-size: 1.2rem; }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { font-weight: 600; padding: 0; margin-bottom: 0.35rem; }
    .stars { display: flex; gap: 0.25rem; }
    .stars label { position: relative; display: grid; place-items: center; width: 52px; height: 52px; cursor: pointer; color: #555; }
    .stars label.on { color: #8a5a00; }
    .stars label:focus-within { outline: 3px solid #0b4f9c; border-radius: 0.4rem; }
    .stars input { position: absolute; inset: 0; opacity: 0; margin: 0; cursor: pointer; }
    svg { width: 40px; height: 40px; }
    .row { display: grid; }
  `];

  constructor() {
    super();
    this.busy = false;
    this.failure = '';
    this.score = 0;
    this.comment = '';
    this.missing = false;
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const t = speak.t;
    return html`
      <form novalidate @submit=${this.#submit} data-rating-form>
        <h2>${t('track.rateTitle')}</h2>
        <fieldset ?disabled=${this.busy}>
          <legend>${t('track.stars')}</legend>
          <div class="stars">
            ${[1, 2, 3, 4, 5].map((n) => html`
              <label class=${n <= this.score ? 'on' : ''} data-star=${n}>
                <input type="radio" name="score" value=${n} .checked=${this.score === n} aria-label=${t('track.star', { n })}
                  @change=${() => { this.score = n; this.missing = false; }}>
                <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2.8l2.8 5.8 6.3.9-4.6 4.4 1.1 6.3L12 17.2l-5.6 3 1.1-6.3L2.9 9.5l6.3-.9z"
                  fill=${n <= this.score ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg>
              </label>`)}
          </div>
          ${this.missing ? html`<p class="error" role="alert">${t('track.rateChoose')}</p>` : nothing}
        </fieldset>
        <label class="field">${t('track.rateComment')}
          <textarea name="comment" rows="2" maxlength="1000" .value=${this.comment} ?disabled=${this.busy}
            @input=${(e: Event) => { this.comment = (e.target as HTMLTextAreaElement).value; }}></textarea>
        </label>
        <ds-form-footer .error=${this.failure} errorClass="alert" ?busy=${this.busy} .submitLabel=${t('track.rateSend')}></ds-form-footer>
      </form>`;
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    this.missing = this.score === 0;
    if (this.missing) return;
    const detail: RatingInput = { score: this.score, comment: this.comment };
    emit(this, 'send-rating', detail);
  }
}

customElements.define('ds-rating-form', DsRatingForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-rating-form': DsRatingForm }
}
