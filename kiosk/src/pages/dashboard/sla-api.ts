import { type Occurrence, OccurrenceList, ScheduleList, type ScheduleView, Ticket } from '@doorside/edge/contracts';
import { z } from 'zod';
import { SignedInApi } from '../../api/gateway-client.ts';

const TicketList = z.object({ tickets: z.array(Ticket) });
const closed = new Set(['verified', 'cancelled']);

/** What the service-levels section reads: tickets by their clocks, and the planned work ahead. */
export class SlaApi extends SignedInApi {
  /** Open tickets with a clock run out, the soonest resolution first. */
  async breached(): Promise<Ticket[]> {
    return TicketList.parse(await this.send('GET', '/api/tickets?sla=breached&sort=resolution-due&limit=100')).tickets;
  }

  /** Open tickets, the soonest resolution due first, each with its clocks. */
  async open(): Promise<Ticket[]> {
    const { tickets } = TicketList.parse(await this.send('GET', '/api/tickets?sort=resolution-due&limit=200'));
    return tickets.filter((t) => !closed.has(t.status)).slice(0, 50);
  }

  /** Every active schedule's occurrences from `from` until `to`, soonest first. */
  async planned(from: Date, to: Date): Promise<{ schedule: ScheduleView; occurrence: Occurrence }[]> {
    const { schedules } = ScheduleList.parse(await this.send('GET', '/api/schedules'));
    const window = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}&limit=50`;
    const lists = await Promise.all(schedules.filter((s) => s.active).map(async (schedule) => {
      const { occurrences } = OccurrenceList.parse(await this.send('GET', `/api/schedules/${encodeURIComponent(schedule.id)}/occurrences?${window}`));
      return occurrences.map((occurrence) => ({ schedule, occurrence }));
    }));
    return lists.flat().sort((a, b) => a.occurrence.at.localeCompare(b.occurrence.at));
  }
}
