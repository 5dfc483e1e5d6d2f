import { LiveEvent, Ticket } from '@doorside/edge/contracts';
import { readFrame } from '../../live/live-frames.ts';
import type { Connection } from '../../live/live-socket.ts';
import { PageStore } from '../../live/page-store.ts';
import type { CategoryChoice, PanelApi, RoomDetail } from './panel-api.ts';

export interface PanelState {
  signedIn: boolean;
  /** The room with its open tickets, as the panel session may see them. */
  room: RoomDetail | undefined;
  categories: CategoryChoice[];
  connection: Connection;
}

const signedOut: PanelState = { signedIn: false, room: undefined, categories: [], connection: 'connecting' };

/**
 * The door panel's one store: signs in with the room's PIN, then keeps the room and its
 * open tickets current from the WebSocket (room frames in place, ticket events by refetching).
 */
export class PanelStore extends PageStore<PanelState> {

  constructor(private readonly roomId: string, private readonly wsUrl: string, readonly api: PanelApi) {
    super(signedOut);
  }

  /** Throws the gateway's `ApiError` on a wrong PIN or a locked panel. */
  async signIn(pin: string): Promise<void> {
    await this.api.signIn(this.roomId, pin);
    const [room, categories] = await Promise.all([this.api.room(this.roomId), this.api.categories()]);
    this.publish({ signedIn: true, room, categories, connection: 'connecting' });
    this.openFeed(this.wsUrl, {
      frame: (data) => this.#frame(data),
      connection: (connection, closeCode) => (closeCode === 4401 ? this.signOut() : this.publish({ ...this.state, connection })),
    });
  }

  async signOut(): Promise<void> {
    this.closeFeed();
    const was = this.state.signedIn;
    this.publish(signedOut);
    if (was) await this.api.signOut().catch(() => undefined);
  }

  /** Fetches the room's open tickets again (after an action, or a ticket event for this room). */
  async refresh(): Promise<void> {
    if (!this.state.signedIn) return;
    const room = await this.api.room(this.roomId).catch(() => undefined);
    if (room && this.state.signedIn) this.publish({ ...this.state, room });
  }

  #frame(data: unknown): void {
    const frame = readFrame(data);
    const room = this.state.room;
    if (frame.kind === 'snapshot') {
      this.publish({ ...this.state, connection: 'live' });
      void this.refresh();
    } else if (frame.kind === 'room' && frame.room.id === this.roomId && room) {
      this.publish({ ...this.state, room: { ...room, ...frame.room } });
    } else if (this.#isTicketHere(data)) {
      void this.refresh();
    }
  }

  #isTicketHere(data: unknown): boolean {
    const event = LiveEvent.safeParse(data);
    if (!event.success || !event.data.entity.startsWith('ticket:')) return false;
    const ticket = Ticket.safeParse(event.data.state);
    return ticket.success && ticket.data.room === this.roomId;
  }
}
