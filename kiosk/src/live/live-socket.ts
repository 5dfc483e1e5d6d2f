import { backoffMs, crowdedWaitMs } from './backoff.ts';

/** The gateway's close code for credentials that already hold as many feeds as they may (`LIVE_CLOSE.tooMany`); kept here so the occupant's pages need not load the full contracts. */
const TOO_MANY_FEEDS = 4429;

/** `crowded`: the gateway turned the feed away because these credentials hold as many as they may; it asks again in about a minute. */
export type Connection = 'connecting' | 'live' | 'offline' | 'crowded';

export interface LiveSocketHandlers {
  frame(data: unknown): void;
  connection(state: Connection, closeCode?: number): void;
}

/**
 * The gateway's `/ws` feed, reopened with backoff whenever it drops. Each new socket
 * starts with a snapshot, so nothing missed while offline needs replaying here.
 */
export class LiveSocket {
  #socket: WebSocket | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #stopped = false;
  /** Turned away for too many feeds: the page keeps saying so until a frame arrives. */
  #crowded = false;

  constructor(private readonly url: string, private readonly on: LiveSocketHandlers) {}

  start(): void {
    this.#stopped = false;
    this.#open();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#socket?.close(1000);
    this.#socket = undefined;
  }

  #open(): void {
    if (!this.#crowded) this.on.connection('connecting');
    const socket = new WebSocket(this.url);
    this.#socket = socket;
    socket.addEventListener('message', (message) => {
      // A frame, not the open event, proves the gateway accepted us; only then reset the backoff.
      this.#attempt = 0;
      if (this.#crowded) {
        this.#crowded = false;
        this.on.connection('live');
      }
      this.on.frame(parse(message.data));
    });
    // A turned-away socket opens before it is closed: it is not live until a frame says so.
    socket.addEventListener('open', () => { if (!this.#crowded) this.on.connection('live'); });
    socket.addEventListener('close', (event) => {
      if (socket !== this.#socket || this.#stopped) return;
      const crowded = event.code === TOO_MANY_FEEDS;
      this.#crowded = crowded;
      this.on.connection(crowded ? 'crowded' : 'offline', event.code);
      // The handler may have stopped the feed (a session that ended): then it stays closed.
      if (this.#stopped || socket !== this.#socket) return;
      this.#timer = setTimeout(() => this.#open(), crowded ? crowdedWaitMs() : backoffMs(this.#attempt++));
    });
  }
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed;
  } catch {
    return undefined;
  }
}
