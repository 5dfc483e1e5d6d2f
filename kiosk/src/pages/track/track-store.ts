import { LiveTrack, type TrackView } from '@doorside/edge/contracts';
import { type Connection, LiveSocket } from '../../live/live-socket.ts';
import { SendError } from '../report/send-form.ts';
import type { TrackApi } from './track-api.ts';

export interface TrackState {
  view: TrackView | undefined;
  connection: Connection;
  /** The gateway does not know this link. */
  unknown: boolean;
}

/**
 * The tracking page's one store: the view from GET /api/track/{token} to start with, then
 * every frame `/ws?track=` pushes (parsed with the gateway's own contract). A pushed view
 * always wins over the first answer, which may have left the gateway earlier.
 */
export class TrackStore {
  #state: TrackState = { view: undefined, connection: 'connecting', unknown: false };
  #pushed = false;
  readonly #listeners = new Set<(state: TrackState) => void>();
  readonly #socket: LiveSocket;

  constructor(wsUrl: string, private readonly api: TrackApi) {
    this.#socket = new LiveSocket(wsUrl, {
      frame: (data) => this.#frame(data),
      connection: (connection, closeCode) => {
        if (closeCode === 4401) {
          this.#socket.stop();
          this.#set({ ...this.#state, unknown: true, connection: 'offline' });
        } else {
          this.#set({ ...this.#state, connection });
        }
      },
    });
  }

  get state(): TrackState {
    return this.#state;
  }

  subscribe(listener: (state: TrackState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    this.#socket.start();
    this.api.view().then(
      (view) => { if (!this.#pushed) this.#set({ ...this.#state, view }); },
      (error: unknown) => {
        // Connection trouble shows through the socket; a link the gateway never handed out ends here.
        if (error instanceof SendError && error.failure.kind === 'http' && error.failure.status === 404) {
          this.#socket.stop();
          this.#set({ ...this.#state, unknown: true });
        }
      },
    );
  }

  stop(): void {
    this.#socket.stop();
  }

  /** A view the gateway answered a rating or "not resolved" with. */
  replace(view: TrackView): void {
    this.#set({ ...this.#state, view });
  }

  #frame(data: unknown): void {
    const frame = LiveTrack.safeParse(data);
    if (!frame.success) return;
    this.#pushed = true;
    this.#set({ ...this.#state, view: frame.data.view, connection: 'live' });
  }

  #set(next: TrackState): void {
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }
}
