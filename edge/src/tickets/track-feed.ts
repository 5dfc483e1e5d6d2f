import type { WebSocket } from 'ws';
import { type Announcement, type LiveTrack, type LiveTrackAnnouncements, publicAnnouncement } from '../contracts/index.ts';
import { liveInRoom } from '../announcements/room-announcements.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { TrackLinks } from './track-links.sqlite.ts';

/** An announcement going up or down (not written yet, not a read receipt). */
const SHOWN = new Set(['announcement-started', 'announcement-expired', 'announcement-withdrawn']);

export interface TrackViewer { kind: 'track'; ticket: string; token: string }

/**
 * The live feed of one tracking link: never the site's events themselves, only the public
 * track view, rebuilt after a commit that touched its ticket and sent when it changed.
 */
export class TrackFeed {
  readonly #lastSent = new WeakMap<WebSocket, string>();

  constructor(private readonly links: TrackLinks, private readonly store: SiteStore) {}

  /**
   * Sends the announcements live in the ticket's room now when these events put one up or
   * took one down there, so the page shows them without asking again.
   */
  announce(socket: WebSocket, viewer: TrackViewer, seq: number, events: readonly { type: string; entity: string; state: string }[]): void {
    const room = this.store.tickets.get(viewer.ticket)?.room;
    if (!room) return;
    const touched = events.some((e) => SHOWN.has(e.type) && e.entity.startsWith('announcement:') && (JSON.parse(e.state) as Announcement).rooms?.includes(room));
    if (!touched) return;
    const frame: LiveTrackAnnouncements = { kind: 'announcements', seq, announcements: liveInRoom(this.store.announcements.live(), room).map(publicAnnouncement) };
    socket.send(JSON.stringify(frame));
  }

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
