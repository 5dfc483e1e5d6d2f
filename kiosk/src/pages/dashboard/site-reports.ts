import type { KpiReport, LoggedEvent, VerifyResult } from '@doorside/edge/contracts';
import type { AssigneeList, AuditSearch, DashboardApi, DeviceList, SyncLook } from './dashboard-api.ts';

/** A panel's data: not read yet, read, or the last read failed (what it had stays shown). */
export interface Loaded<T> { value: T | undefined; failed: boolean }

export interface ReportsState {
  devices: Loaded<DeviceList>;
  figures: Loaded<KpiReport>;
  window: { from: string; to: string };
  sync: Loaded<SyncLook>;
  audit: Loaded<LoggedEvent[]>;
  search: AuditSearch;
  verify: Loaded<VerifyResult>;
  assignees: Loaded<AssigneeList>;
}

const none = { value: undefined, failed: false };
const initial: ReportsState = { devices: none, figures: none, window: { from: '', to: '' }, sync: none, audit: none, search: {}, verify: none, assignees: none };

type Panel = 'devices' | 'figures' | 'sync' | 'audit' | 'verify' | 'assignees';

/**
 * What the dashboard reads on request rather than from the live feed: devices (presence is
 * not an event), the figures, the sync status, the audit search and its chain check, and
 * who can be dispatched to. Part of the page's store; the page decides when to read again.
 */
export class SiteReports {
  #state: ReportsState = initial;
  /** The latest read asked for per panel: an older answer arriving late must not replace a newer one. */
  readonly #latest = new Map<Panel, number>();
  #reads = 0;
  readonly #listeners = new Set<(state: ReportsState) => void>();

  constructor(private readonly api: DashboardApi) {}

  get state(): ReportsState {
    return this.#state;
  }

  subscribe(listener: (state: ReportsState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  reset(): void {
    this.#latest.clear();
    this.#set(initial);
  }

  /** Everything again: after signing in and after the live feed reconnects. */
  loadAll(): Promise<void> {
    return Promise.all([this.loadDevices(), this.loadFigures(), this.loadSync(), this.loadAudit(), this.loadVerify(), this.loadAssignees()]).then(() => undefined);
  }

  loadDevices = () => this.#load('devices', () => this.api.devices());
  loadSync = () => this.#load('sync', () => this.api.sync());
  loadVerify = () => this.#load('verify', () => this.api.verify());
  loadAssignees = () => this.#load('assignees', () => this.api.assignees());

  loadFigures(window: { from: string; to: string } = this.#state.window): Promise<void> {
    this.#set({ ...this.#state, window });
    return this.#load('figures', () => this.api.kpis(window));
  }

  loadAudit(search: AuditSearch = this.#state.search): Promise<void> {
    this.#set({ ...this.#state, search });
    return this.#load('audit', () => this.api.audit(search));
  }

  async #load<K extends Panel>(panel: K, read: () => Promise<NonNullable<ReportsState[K]['value']>>): Promise<void> {
    const mine = ++this.#reads;
    this.#latest.set(panel, mine);
    const current = () => this.#latest.get(panel) === mine;
    try {
      const value = await read();
      if (current()) this.#set({ ...this.#state, [panel]: { value, failed: false } });
    } catch {
      if (current()) this.#set({ ...this.#state, [panel]: { value: this.#state[panel].value, failed: true } });
    }
  }

  #set(next: ReportsState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }
}
