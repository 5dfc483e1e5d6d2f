import { LiveTrack, LiveTrackAnnouncements, type TrackView } from '@doorside/edge/contracts';
import type { Connection } from '../../live/live-socket.ts';
import { PageStore } from '../../live/page-store.ts';
import { SendError } from '../report/send-form.ts';
import type { TrackApi } from './track-api.ts';

export interface TrackState {
  view: TrackView | undefined;
  connection: Connection;
  /** The gateway does not know this link. */
  unknown: boolean;
  /** The announcements live in the ticket's room, as the feed last sent them (undefined until it sends any). */
  announcements?: LiveTrackAnnouncements['announcements'];
}

/**
 * The tracking page's one store: the view from GET /api/track/{token} to start with, then
 * every frame `/ws?track=` pushes (parsed with the gateway's own contract). A pushed view
 * always wins over the first answer, which may have left the gateway earlier.
 */
export class TrackStore extends PageStore<TrackState> {
  #pushed = false;

  constructor(private readonly wsUrl: string, private readonly api: TrackApi) {
    super({ view: undefined, connection: 'connecting', unknown: false });
  }

  start(): void {
    this.openFeed(this.wsUrl, {
      frame: (data) => this.#frame(data),
      connection: (connection, closeCode) => {
        if (closeCode === 4401) {
          this.closeFeed();
          this.publish({ ...this.state, unknown: true, connection: 'offline' });
        } else {
          this.publish({ ...this.state, connection });
        }
      },
    });
    this.api.view().then(
      (view) => { if (!this.#pushed) this.publish({ ...this.state, view }); },
      (error: unknown) => {
        // Connection trouble shows through the socket; a link the gateway never handed out ends here.
        if (error instanceof SendError && error.failure.kind === 'http' && error.failure.status === 404) {
          this.closeFeed();
          this.publish({ ...this.state, unknown: true });
        }
      },
    );
  }

  stop(): void {
    this.closeFeed();
  }

  /** A view the gateway answered a rating or "not resolved" with. */
  replace(view: TrackView): void {
    this.publish({ ...this.state, view });
  }

  #frame(data: unknown): void {
    const announced = LiveTrackAnnouncements.safeParse(data);
    if (announced.success) {
      this.publish({ ...this.state, announcements: announced.data.announcements, connection: 'live' });
      return;
    }
    const frame = LiveTrack.safeParse(data);
    if (!frame.success) return;
    this.#pushed = true;
    this.publish({ ...this.state, view: frame.data.view, connection: 'live' });
  }
}
