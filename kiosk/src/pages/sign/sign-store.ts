import { readFrame } from '../../live/live-frames.ts';
import { LiveSocket } from '../../live/live-socket.ts';
import { evolveSign, initialSign, type SignInput, type SignState } from './sign-state.ts';

/** The sign page's one store: fed by the WebSocket, read only by `ds-sign-page`. */
export class SignStore {
  #state: SignState = initialSign;
  readonly #listeners = new Set<(state: SignState) => void>();
  readonly #socket: LiveSocket;

  constructor(private readonly roomId: string, wsUrl: string) {
    this.#socket = new LiveSocket(wsUrl, {
      frame: (data) => this.#apply({ kind: 'frame', frame: readFrame(data) }),
      connection: (connection, closeCode) => this.#apply({ kind: 'connection', connection, closeCode }),
    });
  }

  get state(): SignState {
    return this.#state;
  }

  subscribe(listener: (state: SignState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    this.#socket.start();
  }

  stop(): void {
    this.#socket.stop();
  }

  #apply(input: SignInput): void {
    const next = evolveSign(this.roomId, this.#state, input);
    if (next === this.#state) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next);
  }
}
