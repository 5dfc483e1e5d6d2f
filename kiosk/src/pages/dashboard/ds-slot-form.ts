import type { Service, SlotSchedule } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { dashBase } from './dashboard-styles.ts';

interface RuleDraft { weekdays: number[]; times: string; capacity: number }
interface ClosedDraft { date: string; reason: string }
const weekdays = [1, 2, 3, 4, 5, 6, 7];
/** A Monday, to name weekdays 1 (Monday) … 7 (Sunday) in the reader's language. */
const monday = Date.UTC(2024, 0, 1);

/**
 * When a service can be booked: weekly rules (weekdays, start times, places per visit), days
 * closed, the time zone and how long before a visit booking closes. `slots-save` (detail:
 * `{ id, schedule }`) asks the owner to save it.
 */
export class DsSlotForm extends LocalizedElement {
  static override properties = { service: { attribute: false }, busy: { type: Boolean }, rules: { state: true }, closed: { state: true } };
  declare service: Service;
  declare busy: boolean;
  declare rules: RuleDraft[];
  declare closed: ClosedDraft[];
  static override styles = [dashBase, css`form { display: grid; gap: 12px; } fieldset { border: 1px solid #bdbdbd; border-radius: 8px; display: flex; flex-wrap: wrap; gap: 10px; align-items: end; }
    legend { font-weight: 700; } .days { display: flex; flex-wrap: wrap; gap: 6px; } .days label { display: flex; gap: 4px; align-items: center; font-weight: 400; }
    .days input { min-height: 24px; } .actions { display: flex; gap: 8px; flex-wrap: wrap; }`];

  constructor() {
    super();
    this.busy = false;
    this.rules = [];
    this.closed = [];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (!changed.has('service')) return;
    const s = this.service.schedule;
    this.rules = s ? s.rules.map((r) => ({ weekdays: [...r.weekdays], times: r.times.join(', '), capacity: r.capacity })) : [{ weekdays: [1, 2, 3, 4, 5], times: '09:00', capacity: 1 }];
    this.closed = s ? s.closed.map((c) => ({ ...c })) : [];
  }

  override render() {
    if (!this.speak) return nothing;
    const { t, lang } = this.speak;
    const s = this.service.schedule;
    const dayName = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
    const edit = (i: number, change: Partial<RuleDraft>) => { this.rules = this.rules.map((r, j) => (j === i ? { ...r, ...change } : r)); };
    return html`<form data-slot-form=${this.service.id} @submit=${this.#submit}>
      <div class="actions">
        <label>${t('svcDash.timeZone')}<input name="timeZone" required .value=${s?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}></label>
        <label>${t('svcDash.lead')}<input name="leadMinutes" type="number" min="0" max="10080" required .value=${String(s?.leadMinutes ?? 60)}></label>
      </div>
      ${this.rules.map((r, i) => html`<fieldset data-rule=${i}><legend>${t('svcDash.rule', { n: i + 1 })}</legend>
        <div class="days" role="group" aria-label=${t('svcDash.weekdays')}>${weekdays.map((d) => html`<label><input type="checkbox" .checked=${r.weekdays.includes(d)}
          @change=${(e: Event) => edit(i, { weekdays: (e.target as HTMLInputElement).checked ? [...r.weekdays, d].sort() : r.weekdays.filter((x) => x !== d) })}>${dayName.format(monday + (d - 1) * 86_400_000)}</label>`)}</div>
        <label>${t('svcDash.times')}<input data-times .value=${r.times} placeholder="09:00, 13:00" @input=${(e: Event) => edit(i, { times: (e.target as HTMLInputElement).value })}></label>
        <label>${t('svcDash.capacity')}<input data-capacity type="number" min="1" max="1000" .value=${String(r.capacity)} @input=${(e: Event) => edit(i, { capacity: Number((e.target as HTMLInputElement).value) })}></label>
        <button type="button" @click=${() => { this.rules = this.rules.filter((_, j) => j !== i); }}>${t('svcDash.removeRule')}</button>
      </fieldset>`)}
      <div class="actions"><button type="button" data-add-rule @click=${() => { this.rules = [...this.rules, { weekdays: [1, 2, 3, 4, 5], times: '09:00', capacity: 1 }]; }}>${t('svcDash.addRule')}</button></div>
      <fieldset><legend>${t('svcDash.closed')}</legend>
        ${this.closed.map((c, i) => html`<div class="actions" data-closed=${c.date}>
          <label>${t('svcDash.date')}<input type="date" required .value=${c.date} @input=${(e: Event) => { this.closed = this.closed.map((x, j) => (j === i ? { ...x, date: (e.target as HTMLInputElement).value } : x)); }}></label>
          <label>${t('svcDash.reason')}<input maxlength="80" .value=${c.reason} @input=${(e: Event) => { this.closed = this.closed.map((x, j) => (j === i ? { ...x, reason: (e.target as HTMLInputElement).value } : x)); }}></label>
          <button type="button" @click=${() => { this.closed = this.closed.filter((_, j) => j !== i); }}>${t('svcDash.removeDay')}</button></div>`)}
        <button type="button" data-add-closed @click=${() => { this.closed = [...this.closed, { date: '', reason: '' }]; }}>${t('svcDash.addDay')}</button>
      </fieldset>
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('svcDash.saveSlots')}</button>
        <button type="button" @click=${() => emit(this, 'cancel')}>${t('svcDash.cancel')}</button></div>
    </form>`;
  }

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const schedule: SlotSchedule = {
      timeZone: String(data.get('timeZone')).trim(),
      leadMinutes: Number(data.get('leadMinutes')),
      rules: this.rules.map((r) => ({ weekdays: r.weekdays, times: r.times.split(/[\s,;]+/).filter(Boolean), capacity: r.capacity })),
      closed: this.closed.filter((c) => c.date !== '').map((c) => ({ date: c.date, reason: c.reason.trim() })),
    };
    emit(this, 'slots-save', { id: this.service.id, schedule });
  }
}

customElements.define('ds-slot-form', DsSlotForm);

declare global {
  interface HTMLElementTagNameMap { 'ds-slot-form': DsSlotForm }
}
