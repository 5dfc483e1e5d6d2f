import {
  ActionResult, type AssignBody, Assignees, Category, Device, DeviceCounts, KpiReport, LoggedEvent, PeopleList, type Person, Room, RoomDetail, type SyncStatus, SyncStatusView, Ticket, VerifyResult,
} from '@doorside/edge/contracts';
import { z } from 'zod';
import { ApiError, type Session, SignedInApi } from '../../api/gateway-client.ts';
import type { ReasonNames } from './reason-words.ts';

export { ApiError };
export type { Session };
export type AssigneeList = z.infer<typeof Assignees>;

export type AssignBody = z.infer<typeof AssignBody>;
export type RoomView = z.infer<typeof RoomDetail>;

/** `GET /api/devices`: each device with whether it is online and its latest readings (its scans are not shown here). */
const DeviceView = Device.extend({
  online: z.boolean(),
  lastSeen: z.string().nullable(),
  readings: z.array(z.object({ sensor: z.string(), value: z.number(), unit: z.string().nullable(), at: z.string() })),
});
export type DeviceView = z.infer<typeof DeviceView>;
/** The figures come counted by the gateway, site-wide and per room, by the same rule head office uses. */
const DeviceList = z.object({ devices: z.array(DeviceView), counts: DeviceCounts, rooms: z.record(z.string(), DeviceCounts) });
export type DeviceList = z.infer<typeof DeviceList>;
export type DeviceCountsView = z.infer<typeof DeviceCounts>;

/** What the sync panel can say: the route is not on this gateway, no agent has reported, or the agent's last report. */
export type SyncLook = { kind: 'unavailable' } | { kind: 'not-connected' }
  /** `agentGoneSince`: the agent missed three of its reports; the time of its last. */
  | { kind: 'status'; status: SyncStatus; agentGoneSince: string | null };

export interface AuditSearch { room?: string; ticket?: string; actor?: string; type?: string; q?: string }

const TicketList = z.object({ tickets: z.array(Ticket) });
const CategoryReasons = z.object({ categories: z.array(Category.pick({ id: true, reasonNames: true })) });
const EventList = z.object({ events: z.array(LoggedEvent) });

/** Only the filled-in fields, as a query string (empty when none). */
export function queryOf(fields: object): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The gateway's HTTP API as the facility dashboard uses it; the session travels in its httpOnly cookie. */
export class DashboardApi extends SignedInApi {
  /** The dashboard is for those who may read the site's audit trail; asking for one event tells. */
  async mayOverseeSite(): Promise<boolean> {
    try {
      await this.send('GET', '/api/audit?limit=1');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return false;
      throw error;
    }
  }

  async tickets(): Promise<Ticket[]> {
    return TicketList.parse(await this.send('GET', '/api/tickets?limit=500')).tickets;
  }

  async assign(ticket: string, body: AssignBody): Promise<z.infer<typeof ActionResult>> {
    return ActionResult.parse(await this.send('POST', `/api/tickets/${encodeURIComponent(ticket)}/assign`, body));
  }

  async assignees(): Promise<AssigneeList> {
    return Assignees.parse(await this.send('GET', '/api/assignees'));
  }

  async devices(): Promise<DeviceList> {
    return DeviceList.parse(await this.send('GET', '/api/devices'));
  }

  async audit(search: AuditSearch): Promise<LoggedEvent[]> {
    return EventList.parse(await this.send('GET', `/api/audit${queryOf({ ...search, limit: 200 })}`)).events;
  }

  async verify(): Promise<VerifyResult> {
    return VerifyResult.parse(await this.send('GET', '/api/events/verify'));
  }

  async kpis(window: { from?: string; to?: string }): Promise<KpiReport> {
    return KpiReport.parse(await this.send('GET', `/api/kpis${queryOf(window)}`));
  }

  /** A gateway without the sync route answers 404: that is "not available here", not an error. */
  async sync(): Promise<SyncLook> {
    try {
      const view = SyncStatusView.parse(await this.send('GET', '/api/sync/status'));
      if (!view.configured || !view.status) return { kind: 'not-connected' };
      return { kind: 'status', status: view.status, agentGoneSince: view.agentAlive === false ? view.lastReportAt ?? null : null };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { kind: 'unavailable' };
      throw error;
    }
  }

  /** `GET /api/categories`, for the translations of each category's rejection reasons. */
  async reasonNames(): Promise<ReasonNames> {
    const { categories } = CategoryReasons.parse(await this.send('GET', '/api/categories'));
    return new Map(categories.map((c) => [c.id, c.reasonNames ?? {}]));
  }

  async people(): Promise<Person[]> {
    return PeopleList.parse(await this.send('GET', '/api/people')).people;
  }

  async room(id: string): Promise<RoomView> {
    return RoomDetail.parse(await this.send('GET', `/api/rooms/${encodeURIComponent(id)}`));
  }

  async setRoomAvailable(id: string, reason: string): Promise<Room> {
    return Room.parse(await this.send('POST', `/api/rooms/${encodeURIComponent(id)}/status`, { status: 'available', reason }));
  }

  /** Names the room the sign sends people to while this one is out of use; `null` clears it. */
  async setAlternativeRoom(id: string, alternative: string | null): Promise<Room> {
    return Room.parse(await this.send('POST', `/api/rooms/${encodeURIComponent(id)}/alternative`, { room: alternative }));
  }

  exportUrl(what: 'tickets' | 'audit', filters: object): string {
    return new URL(`./api/exports/${what}.csv${queryOf(filters)}`, this.base).href;
  }
}
