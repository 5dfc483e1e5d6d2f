import type { WebSocket } from 'ws';
import { type Change, LIVE_CLOSE } from '../contracts/index.ts';
import type { LiveCredentials } from './live-credentials.ts';
import type { Viewer } from './visibility.ts';

/** How often every open socket's credentials are asked again, for what no command announces (a user's role or teams). */
export const LIVE_RECHECK_MS = 500;

/** Feeds one device's credentials may hold open at once: a sign and a panel need one each, with room to reconnect. */
export const LIVE_FEEDS_PER_DEVICE = 4;

interface Entry { viewer: Viewer; credentials: LiveCredentials }

export interface LiveSocketsOptions {
  /** What the credentials let a socket see now, or undefined once they no longer hold. */
  viewerNow(credentials: LiveCredentials): Viewer | undefined;
  /** A socket whose credentials still hold now sees something else: give it a fresh start. */
  rescoped(socket: WebSocket, viewer: Viewer): void;
  recheckMs?: number;
}

/** Whether a committed change may end or narrow what sockets opened with these credentials see. */
function touches(change: Change, credentials: LiveCredentials): boolean {
  switch (credentials.kind) {
    case 'session': return change.entity === 'session' && change.type === 'session-closed' && change.session.tokenDigest === credentials.digest;
    case 'device': return change.entity === 'device' && change.state.id === credentials.device;
    case 'room-code': return change.entity === 'room-qr' && change.state.room === credentials.room;
    case 'track': return false;
  }
}

/**
 * The open `/ws` sockets and what each may see. A socket lives no longer than its
 * credentials: a commit that signs a session out, revokes, re-keys or rebinds a device, or
 * replaces a room's code re-checks the sockets it touches at once; a timer re-checks all
 * of them every `recheckMs`, which covers what no command announces (a user's role, teams
 * or standing changed in the directory). Credentials that no longer hold close the socket
 * (`LIVE_CLOSE.credentials`); credentials that hold with a new scope re-scope it.
 */
export class LiveSockets {
  readonly #entries = new Map<WebSocket, Entry>();
  readonly #timer: NodeJS.Timeout;

  constructor(private readonly options: LiveSocketsOptions) {
    this.#timer = setInterval(() => this.recheckAll(), options.recheckMs ?? LIVE_RECHECK_MS);
    this.#timer.unref();
  }

  /** Whether these credentials may open one more feed now: a device holds at most `LIVE_FEEDS_PER_DEVICE`. */
  mayOpen(credentials: LiveCredentials): boolean {
    if (credentials.kind !== 'device') return true;
    let open = 0;
    for (const entry of this.#entries.values()) {
      if (entry.credentials.kind === 'device' && entry.credentials.device === credentials.device) open += 1;
    }
    return open < LIVE_FEEDS_PER_DEVICE;
  }

  add(socket: WebSocket, viewer: Viewer, credentials: LiveCredentials): void {
    this.#entries.set(socket, { viewer, credentials });
    socket.on('close', () => this.#entries.delete(socket));
  }

  /** Each open socket with what it may see now. */
  *viewers(): IterableIterator<[WebSocket, Viewer]> {
    for (const [socket, entry] of this.#entries) yield [socket, entry.viewer];
  }

  /** After a commit, before its events go out: the sockets its changes touch are checked first. */
  committed(changes: readonly Change[]): void {
    for (const [socket, entry] of this.#entries) {
      if (changes.some((change) => touches(change, entry.credentials))) this.#recheck(socket, entry);
    }
  }

  recheckAll(): void {
    for (const [socket, entry] of this.#entries) this.#recheck(socket, entry);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #recheck(socket: WebSocket, entry: Entry): void {
    let viewer: Viewer | undefined;
    try {
      viewer = this.options.viewerNow(entry.credentials);
    } catch (error) {
      // A store closing under a shutting-down gateway: leave the socket to the server's own close.
      process.emitWarning(error as Error);
      return;
    }
    if (!viewer) {
      this.#entries.delete(socket);
      socket.close(LIVE_CLOSE.credentials, 'these credentials are no longer valid');
      return;
    }
    if (JSON.stringify(viewer) === JSON.stringify(entry.viewer)) return;
    entry.viewer = viewer;
    this.options.rescoped(socket, viewer);
  }
}
