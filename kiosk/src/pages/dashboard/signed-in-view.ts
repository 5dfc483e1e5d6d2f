import type { Room } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import type { People } from '../../components/person-name.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { AssignBody, AuditSearch, DashboardApi, RoomView } from './dashboard-api.ts';
import { hashOf, type Route, sections } from './dashboard-route.ts';
import type { LiveState } from './dashboard-store.ts';
import './ds-audit-trail.ts';
import './ds-device-list.ts';
import './ds-kpi-panel.ts';
import './ds-room-grid.ts';
import './ds-room-page.ts';
import './ds-sync-panel.ts';
import './ds-payments-section.ts';
import './ds-stock-section.ts';
import './ds-ticket-detail.ts';
import './ds-ticket-list.ts';
import type { ReportsState, SiteReports } from './site-reports.ts';
import type { TicketFilters, TicketSort } from './ticket-filters.ts';
import type { ReasonNames } from './reason-words.ts';

/** A side bar on a desktop, a bottom bar on a phone; one section at a time beside or above it. */
export const signedInStyles = css`
  .shell { display: grid; gap: 20px; grid-template-columns: 200px minmax(0, 1fr); align-items: start; }
  nav.sections { position: sticky; top: 12px; }
  nav.sections ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
  nav.sections a { display: flex; align-items: center; min-height: 44px; padding: 0 14px; border: 2px solid #1d1d1d; border-radius: 8px; background: #fff; color: #111; font-weight: 600; text-decoration: none; }
  nav.sections a[aria-current='page'] { background: #0b3d91; border-color: #0b3d91; color: #fff; }
  .content { display: grid; gap: 20px; min-width: 0; }
  .panel { background: #fff; border: 1px solid #bdbdbd; border-radius: 12px; padding: 16px; min-width: 0; }
  .panel:focus { outline: none; }
  .tickets { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); align-items: start; }
  .tickets.with-detail { grid-template-columns: minmax(0, 3fr) minmax(340px, 2fr); }
  .room-page { display: grid; gap: 20px; }
  .offline { padding: 12px 16px; background: #111; color: #fff; border: 3px dashed #fff; outline: 3px solid #111; font-weight: 800; border-radius: 8px; }
  @media (max-width: 1200px) { .tickets.with-detail { grid-template-columns: minmax(0, 1fr); } }
  @media (max-width: 900px) {
    .shell { grid-template-columns: minmax(0, 1fr); padding-bottom: 76px; }
    nav.sections { position: fixed; top: auto; left: 0; right: 0; bottom: 0; z-index: 10; background: #fff; border-top: 2px solid #1d1d1d; }
    nav.sections ul { grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 0; }
    nav.sections a { justify-content: center; text-align: center; min-height: 60px; padding: 4px 2px; border: 0; border-radius: 0; font-size: 0.8rem; overflow-wrap: anywhere; }
  }
`;

/** What the signed-in view reads from the page and asks of it; the page element is one. */
export interface SignedInHost {
  readonly speak: Translator;
  readonly live: LiveState;
  readonly reports: ReportsState;
  readonly now: Date;
  readonly route: Route;
  readonly people: People;
  readonly reasonNames: ReasonNames;
  readonly roomView: RoomView | undefined;
  readonly roomError: string;
  readonly roomNotice: string;
  filters: TicketFilters;
  sort: TicketSort;
  readonly selected: string;
  readonly busy: boolean;
  readonly dispatchError: string;
  readonly dispatchNotice: string;
  readonly api: DashboardApi;
  readonly siteReports: SiteReports;
  pick(ticket: string): void;
  dispatchTicket(ticket: string, body: AssignBody): Promise<void>;
  setRoomAvailable(room: string, reason: string): Promise<void>;
  setAlternativeRoom(room: string, alternative: string | null): Promise<void>;
}

/** Everything a signed-in facility user sees; the page owns the state, this only lays it out. */
export function signedInView(page: SignedInHost) {
  const { t } = page.speak;
  const current = page.route.section === 'room' ? 'rooms' : page.route.section === 'installation' ? 'people' : page.route.section;
  const labels = { rooms: t('dash.rooms'), tickets: t('dash.tickets'), inquiries: t('inq.dash.inquiries'), people: t('inq.dash.people'), figures: t('dash.figures'), devices: t('dash.devices'), sync: t('dash.sync'), audit: t('dash.audit'), payments: t('payDash.section'), stock: t('stockDash.section'), services: t('svcDash.section'), orders: t('ordDash.section'), documents: t('docDash.section'), surveys: t('surveyDash.section'), 'work-orders': t('wo.section'), announcements: t('annDash.section') };
  return html`
    <div class="shell">
      <nav class="sections" aria-label=${t('dash.sections')}><ul>${sections.map((id) => html`
        <li><a href=${hashOf({ section: id })} data-nav=${id} aria-current=${current === id ? 'page' : 'false'}>${labels[id]}</a></li>`)}</ul></nav>
      <div class="content">
        ${page.live.connection === 'offline' ? html`<p class="offline" role="alert" data-offline>${t('dash.offline')}</p>` : nothing}
        ${page.live.connection === 'crowded' ? html`<p class="crowded" role="status" data-crowded>${t('live.crowded.page')}</p>` : nothing}
        ${sectionView(page, labels)}
      </div>
    </div>`;
}

function panel(id: string, title: string, body: unknown) {
  return html`<section class="panel" tabindex="-1" id=${id} data-section=${id} aria-labelledby="${id}-title"><h2 id="${id}-title">${title}</h2>${body}</section>`;
}

/** Inquiries, people and installations load with their first visit: the page starts without them. */
let directoryParts: Promise<unknown> | undefined;
const loadDirectoryParts = () => { directoryParts ??= import('./directory-sections.ts'); };
/** The paid services' catalogue and order records, likewise. */
let paidParts: Promise<unknown> | undefined;
const loadPaidParts = () => { paidParts ??= import('./paid-sections.ts'); };
/** Documents and survey results, likewise. */
let documentParts: Promise<unknown> | undefined;
const loadDocumentParts = () => { documentParts ??= import('./document-sections.ts'); };
/** Work orders too: most visits to the dashboard never open them. */
let workOrderParts: Promise<unknown> | undefined;
const loadWorkOrderParts = () => { workOrderParts ??= import('./work-order-sections.ts'); };

/** Announcements, likewise. */
let announcementParts: Promise<unknown> | undefined;
const loadAnnouncementParts = () => { announcementParts ??= import('./ds-announcements-section.ts'); };

function sectionView(page: SignedInHost, labels: Record<string, string>) {
  const { live, reports, now, route } = page;
  if (route.section === 'inquiries' || route.section === 'people' || route.section === 'installation') loadDirectoryParts();
  if (route.section === 'services' || route.section === 'orders') loadPaidParts();
  if (route.section === 'documents' || route.section === 'surveys') loadDocumentParts();
  if (route.section === 'work-orders') loadWorkOrderParts();
  if (route.section === 'announcements') loadAnnouncementParts();
  switch (route.section) {
    case 'rooms':
      return panel('rooms', labels.rooms!, html`<ds-room-grid .rooms=${live.rooms} .now=${now}></ds-room-grid>`);
    case 'room':
      return roomView(page, route.room);
    case 'tickets':
      return panel('tickets', labels.tickets!, ticketsView(page));
    case 'inquiries':
      return panel('inquiries', labels.inquiries!, html`<ds-inquiry-form .rooms=${live.rooms}></ds-inquiry-form><ds-inquiry-board .tickets=${live.tickets} .people=${page.people}></ds-inquiry-board>`);
    case 'people':
      return panel('people', labels.people!, html`<ds-people-section .rooms=${live.rooms}></ds-people-section>`);
    case 'installation':
      return panel('installation', labels.people!, html`<ds-installation-history installation=${route.installation}></ds-installation-history>`);
    case 'figures':
      return panel('figures', labels.figures!, html`<ds-kpi-panel .figures=${reports.figures.value} .names=${reports.assignees.value} ?failed=${reports.figures.failed} .window=${reports.window}
        @window-change=${(e: CustomEvent<{ from: string; to: string }>) => void page.siteReports.loadFigures(e.detail)}></ds-kpi-panel>`);
    case 'devices':
      return panel('devices', labels.devices!, html`<ds-device-list .devices=${reports.devices.value?.devices} .counts=${reports.devices.value?.counts} ?failed=${reports.devices.failed} .now=${now}
        @refresh=${() => void page.siteReports.loadDevices()}></ds-device-list>`);
    case 'payments':
      return panel('payments', labels.payments!, html`<ds-payments-section></ds-payments-section>`);
    case 'stock':
      return panel('stock', labels.stock!, html`<ds-stock-section></ds-stock-section>`);
    case 'services':
      return panel('services', labels.services!, html`<ds-services-section></ds-services-section>`);
    case 'orders':
      return panel('orders', labels.orders!, html`<ds-orders-section .rooms=${live.rooms}></ds-orders-section>`);
    case 'documents':
      return panel('documents', labels.documents!, html`<ds-documents-section .rooms=${live.rooms}></ds-documents-section>`);
    case 'surveys':
      return panel('surveys', labels.surveys!, html`<ds-survey-results></ds-survey-results>`);
    case 'work-orders':
      return panel('work-orders', labels['work-orders']!, html`<ds-work-orders-section .pushed=${live.workOrders} .tickets=${live.tickets} .now=${now}></ds-work-orders-section>`);
    case 'announcements':
      return panel('announcements', labels.announcements!, html`<ds-announcements-section .rooms=${live.rooms}></ds-announcements-section>`);
    case 'sync':
      return panel('sync', labels.sync!, html`<ds-sync-panel .sync=${reports.sync.value} ?failed=${reports.sync.failed} .now=${now}></ds-sync-panel>`);
    case 'audit':
      return panel('audit', labels.audit!, html`<ds-audit-trail .events=${reports.audit.value} ?failed=${reports.audit.failed} .search=${reports.search} .verify=${reports.verify.value}
        .exportUrl=${page.api.exportUrl('audit', reports.search)} .now=${now} .people=${page.people} .names=${reports.assignees.value}
        @audit-search=${(e: CustomEvent<AuditSearch>) => void page.siteReports.loadAudit(e.detail)}
        @verify=${() => void page.siteReports.loadVerify()}></ds-audit-trail>`);
  }
}

function ticketsView(page: SignedInHost) {
  const { live, reports, now } = page;
  const selected = live.tickets.find((x) => x.id === page.selected);
  return html`
    <div class="tickets ${selected ? 'with-detail' : ''}">
      ${ticketList(page, page.filters, (filters) => { page.filters = filters; })}
      ${selected ? html`<ds-ticket-detail .ticket=${selected} .workOrders=${live.workOrders} .assignees=${reports.assignees.value} .now=${now} .people=${page.people} .reasonNames=${page.reasonNames}
        ?busy=${page.busy} .error=${page.dispatchError} .notice=${page.dispatchNotice} @close-detail=${() => page.pick('')}
        @dispatch=${(e: CustomEvent<{ ticket: string; body: AssignBody }>) => void page.dispatchTicket(e.detail.ticket, e.detail.body)}></ds-ticket-detail>`
        : html`<p class="muted">${t(page, 'dash.pickTicket')}</p>`}
    </div>`;
}

const t = (page: SignedInHost, key: Parameters<Translator['t']>[0]) => page.speak.t(key);

function ticketList(page: SignedInHost, filters: TicketFilters, changed: (filters: TicketFilters) => void, picked = (id: string) => page.pick(id)) {
  const teams = page.reports.assignees.value?.teams ?? [];
  return html`<ds-ticket-list .tickets=${page.live.tickets} .rooms=${page.live.rooms} .teams=${teams} .filters=${filters} .sort=${page.sort} .selected=${page.selected}
    .exportUrl=${page.api.exportUrl('tickets', filters)} .now=${page.now} .people=${page.people}
    @filters-change=${(e: CustomEvent<TicketFilters>) => changed(e.detail)}
    @sort-change=${(e: CustomEvent<{ sort: TicketSort }>) => { page.sort = e.detail.sort; }}
    @ticket-picked=${(e: CustomEvent<{ id: string }>) => picked(e.detail.id)}></ds-ticket-list>`;
}

/** One room's page: what holds it and what clears it, then its tickets and its devices. */
function roomView(page: SignedInHost, id: string) {
  const { t: say } = page.speak;
  const room: Room | undefined = page.live.rooms.find((r) => r.id === id);
  const back = html`<p><a href=${hashOf({ section: 'rooms' })}>← ${say('dash.shell.allRooms')}</a></p>`;
  if (!room) {
    const body = page.live.rooms.length === 0 ? html`<p class="muted">${say('dash.loading')}</p>` : html`<p role="alert">${say('dash.shell.roomNotFound', { room: id })}</p>`;
    return panel('room', id, html`${back}${body}`);
  }
  const devices = page.reports.devices.value?.devices.filter((d) => d.room === id);
  const deviceCounts = page.reports.devices.value?.rooms[id];
  // The room's list keeps the page's other filters, so a status or priority chosen there still applies.
  const filters = { ...page.filters, room: id };
  const changed = (next: TicketFilters) => {
    page.filters = next;
    if (next.room !== id) location.hash = next.room ? hashOf({ section: 'room', room: next.room }) : hashOf({ section: 'tickets' });
  };
  const open = (ticket: string) => { page.pick(ticket); location.hash = hashOf({ section: 'tickets' }); };
  return html`<section class="panel room-page" tabindex="-1" id="room" data-section="room" data-room-page=${id} aria-labelledby="room-title">
    ${back}
    <h2 id="room-title">${page.speak.name(room.name, room.names)} · ${room.id}</h2>
    <ds-room-page .room=${room} .rooms=${page.live.rooms} .names=${page.reports.assignees.value} .view=${page.roomView?.id === id ? page.roomView : undefined} .now=${page.now}
      ?busy=${page.busy} .error=${page.roomError} .notice=${page.roomNotice}
      @set-available=${(e: CustomEvent<{ room: string; reason: string }>) => void page.setRoomAvailable(e.detail.room, e.detail.reason)}
      @set-alternative=${(e: CustomEvent<{ room: string; alternative: string | null }>) => void page.setAlternativeRoom(e.detail.room, e.detail.alternative)}></ds-room-page>
    <section aria-labelledby="room-tickets-title"><h3 id="room-tickets-title">${say('dash.shell.roomTickets')}</h3>${ticketList(page, filters, changed, open)}</section>
    <section aria-labelledby="room-devices-title"><h3 id="room-devices-title">${say('dash.shell.roomDevices')}</h3>
      ${devices && devices.length === 0 ? html`<p class="muted">${say('dash.shell.noDevices')}</p>`
        : html`<ds-device-list .devices=${devices} .counts=${deviceCounts} ?failed=${page.reports.devices.failed} .now=${page.now} @refresh=${() => void page.siteReports.loadDevices()}></ds-device-list>`}
    </section>
  </section>`;
}
