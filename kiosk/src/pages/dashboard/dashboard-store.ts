import { LiveEvent, type Room, Ticket, WorkOrder } from '@doorside/edge/contracts';
import { readFrame } from '../../live/live-frames.ts';
import type { Connection } from '../../live/live-socket.ts';
import { PageStore } from '../../live/page-store.ts';
import type { DashboardApi, Session } from './dashboard-api.ts';
import { mergeTickets } from './ticket-filters.ts';

export type Phase = 'checking' | 'signed-out' | 'not-allowed' | 'ready';

export interface LiveState {
  phase: Phase;
  session: Session | undefined;
  rooms: Room[];
  tickets: Ticket[];
  /** Work orders as the feed last pushed them (each vendor or team step); sections merge them into what they read. */
  workOrders: WorkOrder[];
  connection: Connection;
  /** Counts the feed's snapshots: each one (the first, and every one after a reconnect) means "read everything again". */
  resync: number;
  /** Counts ticket events, so figures that depend on tickets know when to follow. */
  ticketEvents: number;
  /** Set when the session ended on the gateway (signed out elsewhere, or expired). */
  ended: boolean;
}

const initial: LiveState = { phase: 'checking', session: undefined, rooms: [], tickets: [], workOrders: [], connection: 'connecting', resync: 0, ticketEvents: 0, ended: false };

/**
 * The dashboard's one store: who is signed in, and the site's rooms and tickets kept
 * current from `/ws` (a session that oversees the site receives every event).
 */
export class DashboardStore extends PageStore<LiveState> {

  constructor(readonly api: DashboardApi, private readonly wsUrl: string) {
    super(initial);
  }

  /** Picks up a session the browser already has. */
  async start(): Promise<void> {
    const session = await this.api.session().catch(() => undefined);
    // A gateway that cannot be asked leaves the sign-in form, which says so when it is used.
    if (session) await this.#enter(session).catch(() => this.publish({ ...initial, phase: 'signed-out' }));
    else this.publish({ ...initial, phase: 'signed-out' });
  }

  /** Throws the gateway's `ApiError` on wrong credentials. */
  async signIn(username: string, password: string): Promise<void> {
    await this.#enter(await this.api.signIn(username, password));
  }

  async signOut(): Promise<void> {
    this.closeFeed();
    this.publish({ ...initial, phase: 'signed-out' });
    await this.api.signOut().catch(() => undefined);
  }

  stop(): void {
    this.closeFeed();
  }

  /** Takes a ticket the gateway just answered with, before its event arrives. */
  acceptTicket(ticket: Ticket): void {
    this.publish({ ...this.state, tickets: mergeTickets(this.state.tickets, [ticket]) });
  }

  async #enter(session: Session): Promise<void> {
    if (!(await this.api.mayOverseeSite())) {
      this.publish({ ...initial, phase: 'not-allowed', session });
      return;
    }
    this.publish({ ...initial, phase: 'ready', session });
    this.closeFeed();
    this.openFeed(this.wsUrl, {
      frame: (data) => this.#frame(data),
      connection: (connection, closeCode) => {
        if (closeCode === 4401) void this.#ended();
        else this.publish({ ...this.state, connection });
      },
    });
  }

  #frame(data: unknown): void {
    const frame = readFrame(data);
    if (frame.kind === 'snapshot') {
      this.publish({ ...this.state, rooms: frame.rooms, connection: 'live', resync: this.state.resync + 1 });
      void this.#reloadTickets();
    } else if (frame.kind === 'room') {
      const rooms = this.state.rooms.map((r) => (r.id === frame.room.id ? frame.room : r));
      this.publish({ ...this.state, rooms: rooms.some((r) => r.id === frame.room.id) ? rooms : [...rooms, frame.room] });
    } else {
      this.#ticketEvent(data);
    }
  }

  #ticketEvent(data: unknown): void {
    const event = LiveEvent.safeParse(data);
    if (event.success && event.data.entity.startsWith('work-order:')) {
      const order = WorkOrder.safeParse(event.data.state);
      if (order.success) this.publish({ ...this.state, workOrders: [order.data, ...this.state.workOrders.filter((o) => o.id !== order.data.id)] });
      return;
    }
    if (!event.success || !event.data.entity.startsWith('ticket:')) return;
    const ticket = Ticket.safeParse(event.data.state);
    const tickets = ticket.success ? mergeTickets(this.state.tickets, [ticket.data]) : this.state.tickets;
    this.publish({ ...this.state, tickets, ticketEvents: this.state.ticketEvents + 1 });
  }

  async #reloadTickets(): Promise<void> {
    const fetched = await this.api.tickets().catch(() => undefined);
    if (fetched && this.state.phase === 'ready') this.publish({ ...this.state, tickets: mergeTickets(this.state.tickets, fetched) });
  }

  async #ended(): Promise<void> {
    this.closeFeed();
    this.publish({ ...initial, phase: 'signed-out', ended: true });
  }

}
