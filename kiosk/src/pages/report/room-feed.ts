import { LiveSocket } from '../../live/live-socket.ts';
import type { ReportLink } from './report-link.ts';

/** The `/ws` address beside the page for the room's QR code: that room's status and nothing else. */
export function roomFeedAddress(link: ReportLink): string {
  const ws = new URL('./ws', link.base);
  ws.protocol = link.base.protocol === 'https:' ? 'wss:' : 'ws:';
  ws.searchParams.set('room', link.room);
  ws.searchParams.set('k', link.k);
  return ws.href;
}

/**
 * Tells the report page when its room may have changed: the room's live feed (opened with
 * the QR code, as a sign's is) sends a snapshot on every (re)connect and an event on every
 * status change, and a phone coming back to the page may have slept through both. The page
 * then reads the room again. Frames are not parsed here: this feed only carries the room's
 * own status, so any frame is news, and the page's one room read keeps this script light.
 */
export class RoomFeed {
  #socket: LiveSocket;
  #onVisible = () => { if (document.visibilityState === 'visible') this.changed(); };

  constructor(url: string, private readonly changed: () => void) {
    this.#socket = new LiveSocket(url, {
      frame: () => this.changed(),
      // 4401: the gateway turned the QR code down (replaced); trying again would not change that.
      connection: (state, closeCode) => { if (state === 'offline' && closeCode === 4401) this.#socket.stop(); },
    });
  }

  start(): void {
    this.#socket.start();
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  stop(): void {
    this.#socket.stop();
    document.removeEventListener('visibilitychange', this.#onVisible);
  }
}
