import { css, html, nothing } from 'lit';
import '../../components/ds-lang-switch.ts';
import './ds-duty-switch.ts';
import '../../components/ds-push-switch.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import { staffBase } from './staff-styles.ts';
import { emit } from '../../components/emit.ts';

/**
 * The signed-in person's menu, folded behind their name so the header stays one short line
 * on a phone: being on or off duty, pushes to this phone, the language and signing out. Fires `sign-out`; the language switch fires
 * its own `lang-change`.
 */
export class DsStaffMenu extends LocalizedElement {
  static override properties = { name: {} };
  declare name: string;

  static override styles = [staffBase, css`
    :host { position: relative; display: block; min-width: 0; max-width: 11rem; }
    details { position: relative; min-width: 0; }
    summary { list-style: none; display: flex; align-items: center; gap: 6px; min-height: 48px; max-width: 100%;
      padding: 6px 12px; border: 2px solid #111; border-radius: 10px; background: #fff; font-weight: 700; cursor: pointer; }
    summary::-webkit-details-marker { display: none; }
    summary:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
    .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
    svg { width: 20px; height: 20px; flex: none; }
    .panel { position: absolute; right: 0; top: calc(100% + 6px); z-index: 10; display: grid; gap: 10px; min-width: 14rem;
      padding: 12px; background: #fff; border: 2px solid #111; border-radius: 12px; box-shadow: 0 6px 18px rgb(0 0 0 / 0.2); }
    .who { font-weight: 700; overflow-wrap: anywhere; }
  `];

  constructor() {
    super();
    this.name = '';
  }

  override render() {
    const { speak } = this;
    if (!speak) return nothing;
    const { t } = speak;
    return html`
      <details data-menu>
        <summary aria-label=${t('queueCards.menu', { name: this.name })}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2.2"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/></svg>
          <span class="name">${this.name}</span>
        </summary>
        <div class="panel">
          <p class="who">${this.name}</p>
          <ds-duty-switch></ds-duty-switch>
          <ds-push-switch></ds-push-switch>
          <ds-lang-switch .lang=${speak.lang} .label=${t('staff.language')}></ds-lang-switch>
          <button data-action="sign-out" @click=${() => emit(this, 'sign-out')}>${t('staff.signOut')}</button>
        </div>
      </details>`;
  }
}

customElements.define('ds-staff-menu', DsStaffMenu);

declare global {
  interface HTMLElementTagNameMap { 'ds-staff-menu': DsStaffMenu }
}
