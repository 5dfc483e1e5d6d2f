import { css, html, nothing } from 'lit';
import { LocalizedElement } from '../../components/localized-element.ts';
import { emit } from '../../components/emit.ts';
import type { ArchivedEventsAnswer } from './central-api.ts';
import { centralStyles } from './central-styles.ts';

/** What the central copy set aside when a site was restored from a backup: its count, and the events on request. Fires `more-set-aside` with `detail.site`. */
export class DsSetAside extends LocalizedElement {
  static override properties = { aside: { attribute: false } };
  declare aside: ArchivedEventsAnswer | undefined;

  static override styles = [centralStyles, css`
    :host { margin: 0.5rem 0; }
    h4 { margin: 0 0 0.25rem; font-size: 1rem; }
    summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; font-weight: 600; }
    summary:focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
    td, th { padding: 0.3rem; font-size: 0.9rem; }
  `];

  override render() {
    const speak = this.speak;
    const aside = this.aside;
    if (!speak || !aside) return nothing;
    const t = speak.t;
    const now = new Date();
    return html`
      <h4>${t('centralAlerts.setAside')}</h4>
      ${aside.total === 0 ? html`<p class="muted" data-set-aside-count="0">${t('centralAlerts.noneSetAside')}</p>` : html`
        <details>
          <summary data-set-aside-count=${aside.total}>${speak.plural('centralAlerts.setAsideCount', aside.total)}</summary>
          <div class="scroll" tabindex="0" role="region" aria-label=${t('centralAlerts.showSetAside')}>
            <table>
              <thead><tr>
                <th scope="col">${t('centralAlerts.line')}</th><th scope="col">${t('centralAlerts.seq')}</th><th scope="col">${t('centralAlerts.at')}</th>
                <th scope="col">${t('centralAlerts.type')}</th><th scope="col">${t('centralAlerts.entity')}</th><th scope="col">${t('centralAlerts.actor')}</th>
              </tr></thead>
              <tbody>${aside.events.map((e) => html`
                <tr data-set-aside-event=${`${e.line}/${e.seq}`}>
                  <td>${e.line}</td><td>${e.seq}</td><td>${speak.time(e.at, now)}</td><td>${e.type}</td><td>${e.entity}</td><td>${e.actor}</td>
                </tr>`)}
              </tbody>
            </table>
          </div>
          ${aside.next !== null ? html`<button type="button" @click=${() => emit(this, 'more-set-aside', { site: aside.site })}>${t('centralAlerts.more')}</button>` : nothing}
        </details>`}`;
  }
}

customElements.define('ds-set-aside', DsSetAside);
