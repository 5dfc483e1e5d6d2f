import type { WebSocket } from 'ws';
import type { LiveTrack } from '../contracts/index.ts';
import type { TrackLinks } from './track-links.sqlite.ts';

export interface TrackViewer { kind: 'track'; ticket: string; token: string }

/**
 * The live feed of one tracking link: never the site's events themselves, only the public
 * track view, rebuilt after a commit that touched its ticket and sent when it changed.
 */
export class TrackFeed {
  readonly #lastSent = new WeakMap<WebSocket, string>();

  constructor(private readonly links: TrackLinks) {}

  /** The viewer for `?track=<token>`, or undefined for a link that was never handed out. */
  viewer(token: string): TrackViewer | undefined {
    const ticket = this.links.ticketOf(token);
    return ticket ? { kind: 'track', ticket, token } : undefined;
  }

  /** Sends the view if `entities` include the viewer's ticket (always when `entities` is undefined: the first frame). */
  send(socket: WebSocket, viewer: TrackViewer, seq: number, entities?: readonly string[]): void {
    if (entities && !entities.includes(`ticket:${viewer.ticket}`)) return;
    const frame: LiveTrack = { kind: 'track', seq, view: this.links.view(viewer.token) };
    const { seq: _seq, ...comparable } = frame;
    const key = JSON.stringify(comparable);
    if (this.#lastSent.get(socket) === key) return;
    this.#lastSent.set(socket, key);
    socket.send(JSON.stringify(frame));
  }
}
