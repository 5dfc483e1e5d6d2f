import { LiveEvent, LiveSnapshot, type StaffQueue, Ticket } from '@doorside/edge/contracts';
import type { Connection } from '../../live/live-socket.ts';
import { PageStore } from '../../live/page-store.ts';
import { ApiError, type Session, type StaffApi } from './staff-api.ts';
import { applyTicket, type Lists } from './queue-lists.ts';

export type Phase = 'checking' | 'signed-out' | 'signed-in';

export interface StaffState {
  phase: Phase;
  /** Why the page went back to sign-in on its own (a session that ended), empty otherwise. */
  signedOutBecause: 'session-ended' | '';
  queue: (Omit<StaffQueue, 'mine' | 'pool' | 'now'> & Lists) | undefined;
  /** The gateway's clock minus this phone's, so due times are judged by the gateway. */
  skewMs: number;
  connection: Connection;
}

const initial: StaffState = { phase: 'checking', signedOutBecause: '', queue: undefined, skewMs: 0, connection: 'connecting' };

/** How long to gather live events before asking the gateway for the queue again. */
const SETTLE_MS = 250;
/** A slow safety net: some changes (a ticket taken away from a vendor) never reach the viewer's feed. */
const REFRESH_EVERY_MS = 5 * 60_000;

/**
 * The staff page's one store: the session, the queue and the live feed. Ticket events move
 * tickets between the lists at once; the queue is then fetched again, so the actions offered
 * are always the gateway's own answer. After a reconnect the feed's snapshot triggers a refetch.
 */
export class StaffStore extends PageStore<StaffState> {
  #settle: ReturnType<typeof setTimeout> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #inFlight: Promise<void> | undefined;
  #again = false;

  constructor(readonly api: StaffApi, private readonly wsUrl: string) {
    super(initial);
  }

  /** On load: a valid staff session goes straight to the queue. */
  async start(): Promise<void> {
    const session = await this.api.session().catch(() => undefined);
    if (session?.kind === 'user' && session.user) await this.#open().catch(() => this.signOut());
    else this.publish({ ...initial, phase: 'signed-out' });
  }

  /** Throws the gateway's `ApiError` on a wrong password or too many tries. */
  async signIn(username: string, password: string): Promise<Session> {
    const session = await this.api.signIn(username, password);
    try {
      await this.#open();
    } catch (error) {
      // Signed in, but no queue to show (a role that does not work tickets): leave no session behind.
      await this.signOut();
      throw error;
    }
    return session;
  }

  async signOut(because: StaffState['signedOutBecause'] = ''): Promise<void> {
    this.#close();
    this.publish({ ...initial, phase: 'signed-out', signedOutBecause: because });
    // A session that already ended has nothing left to close on the gateway.
    if (because === '') await this.api.signOut().catch(() => undefined);
  }

  stop(): void {
    this.#close();
  }

  /** Fetches the queue; a request made while one is running is served by one more fetch after it. */
  refresh(): Promise<void> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    this.#inFlight = this.#fetch().finally(() => {
      this.#inFlight = undefined;
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    });
    return this.#inFlight;
  }

  async #fetch(): Promise<void> {
    try {
      const { now, mine, pool, ...rest } = await this.api.queue();
      if (this.state.phase === 'checking' || this.state.phase === 'signed-in') {
        this.publish({ ...this.state, phase: 'signed-in', queue: { ...rest, mine, pool }, skewMs: Date.parse(now) - Date.now() });
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) await this.signOut('session-ended');
      else throw error;
    }
  }

  async #open(): Promise<void> {
    this.#close();
    this.publish({ ...initial, phase: 'checking' });
    await this.refresh();
    if (this.state.phase !== 'signed-in') return;
    this.openFeed(this.wsUrl, {
      frame: (data) => this.#frame(data),
      connection: (connection, closeCode) => {
        if (closeCode === 4401) void this.signOut('session-ended');
        else this.publish({ ...this.state, connection });
      },
    });
    this.#poll = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_EVERY_MS);
  }

  #close(): void {
    this.closeFeed();
    clearTimeout(this.#settle);
    clearInterval(this.#poll);
  }

  #frame(data: unknown): void {
    if (LiveSnapshot.safeParse(data).success) {
      // A new socket: whatever happened while the link was down is fetched now.
      this.publish({ ...this.state, connection: 'live' });
      void this.refresh().catch(() => undefined);
      return;
    }
    const event = LiveEvent.safeParse(data);
    if (!event.success || !event.data.entity.startsWith('ticket:')) return;
    const ticket = Ticket.safeParse(event.data.state);
    const queue = this.state.queue;
    if (!ticket.success || !queue) return;
    this.publish({ ...this.state, queue: { ...queue, ...applyTicket(queue, queue.me, ticket.data) } });
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => void this.refresh().catch(() => undefined), SETTLE_MS);
  }
}
