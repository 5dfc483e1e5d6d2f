import { readFrame } from '../../live/live-frames.ts';
import { PageStore } from '../../live/page-store.ts';
import { evolveSign, initialSign, type SignInput, type SignState } from './sign-state.ts';

/** The sign page's one store: fed by the WebSocket, read only by `ds-sign-page`. */
export class SignStore extends PageStore<SignState> {

  constructor(private readonly roomId: string, private readonly wsUrl: string) {
    super(initialSign);
  }

  start(): void {
    this.openFeed(this.wsUrl, {
      frame: (data) => this.#apply({ kind: 'frame', frame: readFrame(data) }),
      connection: (connection, closeCode) => this.#apply({ kind: 'connection', connection, closeCode }),
    });
  }

  stop(): void {
    this.closeFeed();
  }

  #apply(input: SignInput): void {
    const next = evolveSign(this.roomId, this.state, input);
    if (next !== this.state) this.publish(next);
  }
}
