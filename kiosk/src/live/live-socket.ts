import { backoffMs } from './backoff.ts';

export type Connection = 'connecting' | 'live' | 'offline';

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
    this.on.connection('connecting');
    const socket = new WebSocket(this.url);
    this.#socket = socket;
    socket.addEventListener('message', (message) => {
      // A frame, not the open event, proves the gateway accepted us; only then reset the backoff.
      this.#attempt = 0;
      this.on.frame(parse(message.data));
    });
    socket.addEventListener('open', () => this.on.connection('live'));
    socket.addEventListener('close', (event) => {
      if (socket !== this.#socket || this.#stopped) return;
      this.on.connection('offline', event.code);
      // The handler may have stopped the feed (a session that ended): then it stays closed.
      if (this.#stopped || socket !== this.#socket) return;
      this.#timer = setTimeout(() => this.#open(), backoffMs(this.#attempt++));
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
