import { agentAlive, CLOSED_STATUSES_SQL, isOverdue, LEGACY_REPORT_EVERY_MS, Phrase } from '@doorside/edge/contracts';
import { countDevices, type DeviceCounts } from '@doorside/edge/device-counts';
import { SyncStatus, type ChainPoint } from '../protocol.ts';
import { placeholders, type SqlDriver } from './sql-driver.ts';

export interface SiteOverview {
  site: string;
  name: string;
  cursor: ChainPoint;
  lastBatchAt: string | null;
  /** Events the gateway reported holding beyond the central cursor, and what its agent last said. */
  lag: { events: number; secondsSinceBatch: number | null; agent: SyncStatus | null; agentAt: string | null };
  /** Whether the site's agent is there and through: down once it missed three of its reports. */
  link: { up: boolean; lastSeenAt: string | null; reportEveryMs: number };
  alerts: number;
  devices: DeviceCounts & { openAlerts: number };
}

export interface TicketFilter { sites: readonly string[] | null; status?: string; team?: string; priority?: string; room?: string; limit: number }

export interface TicketRow {
  site: string; id: string; kind: string; category: string; priority: string; status: string; room: string; team: string;
  assignee: string | null; title: string; titlePhrase?: Phrase; createdAt: string; updatedAt: string; dueAt: string; resolvedAt: string | null;
  rejections: number; rating: number | null; overdue: boolean;
}

export interface SiteKpis {
  site: string;
  open: Record<string, number>;
  openTotal: number;
  resolved: number;
  meanMinutesToResolve: number | null;
  slaBreaches: number;
  /** Rejections per finished service judged (approved or rejected); null before the first judgement. */
  rejectionRate: number | null;
  averageRating: number | null;
  ratings: number;
}

const CLOSED = CLOSED_STATUSES_SQL;

/** The stored phrase, when there is one the current contract still reads. */
function titlePhraseOf(text: string | null): { titlePhrase?: Phrase } {
  if (text === null) return {};
  try {
    const phrase = Phrase.safeParse(JSON.parse(text));
    return phrase.success ? { titlePhrase: phrase.data } : {};
  } catch {
    return {};
  }
}

/**
 * The agent's report measured against what the central copy holds now: a report older than
 * a catch-up that followed it (its central cursor behind the one held) shows no lag the
 * catch-up already cleared.
 */
function fresh(status: SyncStatus, cursor: number, reportedHead: number): SyncStatus {
  if (status.centralCursor >= cursor) return status;
  const head = Math.max(status.gatewayHead, reportedHead);
  const lagEvents = Math.max(0, head - cursor);
  return { ...status, centralCursor: cursor, gatewayHead: head, lagEvents, lagSeconds: lagEvents === 0 ? 0 : status.lagSeconds };
}

/** Read models for head office, computed from the projected tickets and devices. */
export class OfficeViews {
  constructor(private readonly db: SqlDriver) {}

  async sites(sites: readonly string[] | null, now: string): Promise<SiteOverview[]> {
    const where = sites ? `WHERE s.site IN ${placeholders(sites.length ? sites : [''])}` : '';
    const args = sites ? (sites.length ? sites : ['']) : [];
    const rows = await this.db.all<{ site: string; name: string; cursor_seq: number; cursor_hash: string; last_batch_at: string | null; reported_head: number;
      sync_status: string | null; sync_status_at: string | null; alerts: number }>(
      `SELECT s.site, s.name, s.cursor_seq, s.cursor_hash, s.last_batch_at, s.reported_head, s.sync_status, s.sync_status_at,
        (SELECT COUNT(*) FROM alerts a WHERE a.site = s.site) AS alerts FROM sites s ${where} ORDER BY s.site`, args);
    const deviceRows = await this.db.all<{ site: string; revoked: number; online: number | null }>('SELECT site, revoked, online FROM devices');
    const deviceTickets = await this.db.all<{ site: string; n: number }>(
      `SELECT site, COUNT(*) AS n FROM tickets WHERE category = 'devices' AND status NOT IN ${CLOSED} GROUP BY site`);
    const nowMs = Date.parse(now);
    return rows.map((r) => {
      const agent = r.sync_status ? SyncStatus.safeParse(JSON.parse(r.sync_status)) : undefined;
      const reported = agent?.success ? fresh(agent.data, r.cursor_seq, r.reported_head) : null;
      const up = reported !== null && reported.linkUp && agentAlive(reported, r.sync_status_at, now);
      // The gateway's own figures, as its agent last sent them; the projected devices only before any arrived.
      const d = (agent?.success ? agent.data.devices : undefined)
        ?? countDevices(deviceRows.filter((x) => x.site === r.site).map((x) => ({ revoked: x.revoked === 1, online: x.online === null ? null : x.online === 1 })));
      return {
        site: r.site, name: r.name, cursor: { seq: r.cursor_seq, hash: r.cursor_hash }, lastBatchAt: r.last_batch_at,
        lag: {
          events: Math.max(0, r.reported_head - r.cursor_seq),
          secondsSinceBatch: r.last_batch_at ? Math.max(0, Math.round((nowMs - Date.parse(r.last_batch_at)) / 1000)) : null,
          agent: reported ? { ...reported, linkUp: up } : null,
          agentAt: r.sync_status_at,
        },
        link: { up, lastSeenAt: r.sync_status_at, reportEveryMs: reported?.reportEveryMs ?? LEGACY_REPORT_EVERY_MS },
        alerts: r.alerts,
        devices: { ...d, openAlerts: deviceTickets.find((x) => x.site === r.site)?.n ?? 0 },
      };
    });
  }

  async tickets(filter: TicketFilter, now: string): Promise<TicketRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.sites) { where.push(`site IN ${placeholders(filter.sites.length ? filter.sites : [''])}`); args.push(...(filter.sites.length ? filter.sites : [''])); }
    for (const key of ['status', 'team', 'priority', 'room'] as const) {
      if (filter[key]) { where.push(`${key} = ?`); args.push(filter[key]); }
    }
    const rows = await this.db.all<{ site: string; id: string; kind: string; category: string; priority: string; status: string; room: string; team: string;
      assignee: string | null; title: string; created_ms: number; updated_ms: number; due_ms: number; resolved_ms: number | null; rejections: number; rating: number | null;
      title_phrase: string | null }>(
      `SELECT site, id, kind, category, priority, status, room, team, assignee, title, title_phrase, created_ms, updated_ms, due_ms, resolved_ms,
        rejections, rating
       FROM tickets ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_ms DESC, site, id LIMIT ?`, [...args, filter.limit]);
    const nowMs = Date.parse(now);
    const iso = (ms: number) => new Date(ms).toISOString();
    return rows.map((r) => ({
      site: r.site, id: r.id, kind: r.kind, category: r.category, priority: r.priority, status: r.status, room: r.room, team: r.team,
      assignee: r.assignee, title: r.title, ...titlePhraseOf(r.title_phrase), createdAt: iso(r.created_ms), updatedAt: iso(r.updated_ms), dueAt: iso(r.due_ms),
      resolvedAt: r.resolved_ms === null ? null : iso(r.resolved_ms), rejections: r.rejections, rating: r.rating,
      // A finished job counts as overdue when it was resolved late.
      overdue: r.resolved_ms === null ? isOverdue({ status: r.status, dueAt: iso(r.due_ms) }, nowMs) : r.resolved_ms > r.due_ms,
    }));
  }

  async kpis(sites: readonly string[] | null, now: string): Promise<SiteKpis[]> {
    const list = sites ? (sites.length ? sites : ['']) : null;
    const where = list ? `WHERE site IN ${placeholders(list)}` : '';
    const known = await this.db.all<{ site: string }>(`SELECT site FROM sites ${where} ORDER BY site`, list ?? []);
    const open = await this.db.all<{ site: string; status: string; n: number }>(
      `SELECT site, status, COUNT(*) AS n FROM tickets ${where ? `${where} AND` : 'WHERE'} status NOT IN ${CLOSED} GROUP BY site, status`, list ?? []);
    const totals = await this.db.all<{ site: string; resolved: number; mean_ms: number | null; breaches: number; rejections: number; avg_rating: number | null; ratings: number }>(
      `SELECT site,
        SUM(CASE WHEN status = 'verified' THEN 1 ELSE 0 END) AS resolved,
        AVG(CASE WHEN resolved_ms IS NOT NULL THEN resolved_ms - created_ms END) AS mean_ms,
        SUM(CASE WHEN (resolved_ms IS NOT NULL AND resolved_ms > due_ms) OR (resolved_ms IS NULL AND status <> 'cancelled' AND due_ms < ?) THEN 1 ELSE 0 END) AS breaches,
        SUM(rejections) AS rejections, AVG(rating) AS avg_rating, COUNT(rating) AS ratings
       FROM tickets ${where} GROUP BY site`, [Date.parse(now), ...(list ?? [])]);
    return known.map(({ site }) => {
      const byStatus = Object.fromEntries(open.filter((o) => o.site === site).map((o) => [o.status, o.n]));
      const t = totals.find((x) => x.site === site);
      const judged = (t?.rejections ?? 0) + (t?.resolved ?? 0);
      return {
        site, open: byStatus, openTotal: Object.values(byStatus).reduce((a, b) => a + b, 0), resolved: t?.resolved ?? 0,
        meanMinutesToResolve: t?.mean_ms == null ? null : Math.round(t.mean_ms / 60_000 * 10) / 10,
        slaBreaches: t?.breaches ?? 0,
        rejectionRate: judged === 0 ? null : Math.round(((t?.rejections ?? 0) / judged) * 1000) / 1000,
        averageRating: t?.avg_rating == null ? null : Math.round(t.avg_rating * 100) / 100,
        ratings: t?.ratings ?? 0,
      };
    });
  }
}
