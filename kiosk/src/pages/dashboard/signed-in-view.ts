import { css, html, nothing } from 'lit';
import type { Translator } from '../../i18n/translator.ts';
import type { AssignBody, AuditSearch, DashboardApi } from './dashboard-api.ts';
import type { LiveState } from './dashboard-store.ts';
import './ds-audit-trail.ts';
import './ds-device-list.ts';
import './ds-kpi-panel.ts';
import './ds-room-grid.ts';
import './ds-sync-panel.ts';
import './ds-ticket-detail.ts';
import './ds-ticket-list.ts';
import type { ReportsState, SiteReports } from './site-reports.ts';
import type { TicketFilters, TicketSort } from './ticket-filters.ts';

export const signedInStyles = css`
  nav.sections ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
  nav.sections a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 14px; border: 2px solid #1d1d1d; border-radius: 999px; background: #fff; color: #111; font-weight: 600; text-decoration: none; }
  .panel { background: #fff; border: 1px solid #bdbdbd; border-radius: 12px; padding: 16px; }
  .tickets { display: grid; gap: 16px; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
  .pair { display: grid; gap: 20px; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr)); align-items: start; }
  .offline { padding: 12px 16px; background: #111; color: #fff; border: 3px dashed #fff; outline: 3px solid #111; font-weight: 800; border-radius: 8px; }
  @media (max-width: 900px) { .tickets { grid-template-columns: minmax(0, 1fr); } }
`;

/** What the signed-in view reads from the page and asks of it; the page element is one. */
export interface SignedInHost {
  readonly speak: Translator;
  readonly live: LiveState;
  readonly reports: ReportsState;
  readonly now: Date;
  filters: TicketFilters;
  sort: TicketSort;
  readonly selected: string;
  readonly busy: boolean;
  readonly dispatchError: string;
  readonly dispatchNotice: string;
  readonly api: DashboardApi;
  readonly siteReports: SiteReports;
  readonly renderRoot: HTMLElement | DocumentFragment;
  pick(ticket: string): void;
  dispatchTicket(ticket: string, body: AssignBody): Promise<void>;
}

/** Everything a signed-in facility user sees; the page owns the state, this only lays it out. */
export function signedInView(page: SignedInHost) {
  const { t } = page.speak;
  const { live, reports, now } = page;
  const teams = reports.assignees.value?.teams ?? [];
  const selected = live.tickets.find((x) => x.id === page.selected);
  const sections = [['rooms', t('dash.rooms')], ['tickets', t('dash.tickets')], ['figures', t('dash.figures')], ['devices', t('dash.devices')], ['sync', t('dash.sync')], ['audit', t('dash.audit')]];
  return html`
    ${live.connection === 'offline' ? html`<p class="offline" role="alert" data-offline>${t('dash.offline')}</p>` : nothing}
    <nav class="sections" aria-label=${t('dash.sections')}><ul>${sections.map(([id, label]) => html`<li><a href="#${id}" @click=${(e: Event) => jump(e, page, id!)}>${label}</a></li>`)}</ul></nav>
    <section class="panel" tabindex="-1" id="rooms" aria-labelledby="rooms-title">
      <h2 id="rooms-title">${t('dash.rooms')}</h2>
      <ds-room-grid .rooms=${live.rooms} .now=${now} .picked=${page.filters.room}
        @room-picked=${(e: CustomEvent<{ room: string }>) => { page.filters = { ...page.filters, room: e.detail.room }; }}></ds-room-grid>
    </section>
    <section class="panel" tabindex="-1" id="tickets" aria-labelledby="tickets-title">
      <h2 id="tickets-title">${t('dash.tickets')}</h2>
      <div class="tickets">
        <ds-ticket-list .tickets=${live.tickets} .rooms=${live.rooms} .teams=${teams} .filters=${page.filters} .sort=${page.sort} .selected=${page.selected}
          .exportUrl=${page.api.exportUrl('tickets', page.filters)} .now=${now}
          @filters-change=${(e: CustomEvent<TicketFilters>) => { page.filters = e.detail; }}
          @sort-change=${(e: CustomEvent<{ sort: TicketSort }>) => { page.sort = e.detail.sort; }}
          @ticket-picked=${(e: CustomEvent<{ id: string }>) => page.pick(e.detail.id)}></ds-ticket-list>
        ${selected ? html`<ds-ticket-detail .ticket=${selected} .assignees=${reports.assignees.value} .now=${now}
          ?busy=${page.busy} .error=${page.dispatchError} .notice=${page.dispatchNotice} @close-detail=${() => page.pick('')}
          @dispatch=${(e: CustomEvent<{ ticket: string; body: AssignBody }>) => void page.dispatchTicket(e.detail.ticket, e.detail.body)}></ds-ticket-detail>`
          : html`<p class="muted">${t('dash.pickTicket')}</p>`}
      </div>
    </section>
    <section class="panel" tabindex="-1" id="figures" aria-labelledby="figures-title">
      <h2 id="figures-title">${t('dash.figures')}</h2>
      <ds-kpi-panel .figures=${reports.figures.value} ?failed=${reports.figures.failed} .window=${reports.window}
        @window-change=${(e: CustomEvent<{ from: string; to: string }>) => void page.siteReports.loadFigures(e.detail)}></ds-kpi-panel>
    </section>
    <div class="pair">
      <section class="panel" tabindex="-1" id="devices" aria-labelledby="devices-title">
        <h2 id="devices-title">${t('dash.devices')}</h2>
        <ds-device-list .devices=${reports.devices.value} ?failed=${reports.devices.failed} .now=${now}
          @refresh=${() => void page.siteReports.loadDevices()}></ds-device-list>
      </section>
      <section class="panel" tabindex="-1" id="sync" aria-labelledby="sync-title">
        <h2 id="sync-title">${t('dash.sync')}</h2>
        <ds-sync-panel .sync=${reports.sync.value} ?failed=${reports.sync.failed} .now=${now}></ds-sync-panel>
      </section>
    </div>
    <section class="panel" tabindex="-1" id="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">${t('dash.audit')}</h2>
      <ds-audit-trail .events=${reports.audit.value} ?failed=${reports.audit.failed} .search=${reports.search} .verify=${reports.verify.value}
        .exportUrl=${page.api.exportUrl('audit', reports.search)} .now=${now}
        @audit-search=${(e: CustomEvent<AuditSearch>) => void page.siteReports.loadAudit(e.detail)}
        @verify=${() => void page.siteReports.loadVerify()}></ds-audit-trail>
    </section>`;
}

/** In-page links inside a shadow root: scroll to the section there, since the document cannot find it by id. */
function jump(event: Event, page: SignedInHost, id: string): void {
  const target = page.renderRoot.querySelector<HTMLElement>(`#${id}`);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ behavior: 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
}
