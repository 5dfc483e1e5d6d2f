import { LiveSocket } from '../../live/live-socket.ts';

/** How long the feed gathers events before the portal reads again: one commit often carries several. */
const GATHER_MS = 150;
/** The gateway's close code for a session that no longer holds (`LIVE_CLOSE.credentials`). */
const SIGNED_OUT = 4401;

/**
 * The portal's `/ws` feed. The gateway sends a tenant only what they may read (their requests'
 * changes, approvals, announcements meant for them), so any event means "read again"; so does a
 * snapshot after a reconnect, for what went by while offline. A session that ended (signed out
 * elsewhere, expired) stops the feed and calls `ended`. Returns a function that stops it.
 */
export function followPortal(base: URL, changed: () => void, ended: () => void): () => void {
  const ws = new URL('./ws', base);
  ws.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  let seenSnapshot = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, GATHER_MS);
  };
  const socket = new LiveSocket(ws.href, {
    frame: (data) => {
      const kind = typeof data === 'object' && data !== null ? (data as { kind?: unknown }).kind : undefined;
      if (kind === 'event' || (kind === 'snapshot' && seenSnapshot)) soon();
      if (kind === 'snapshot') seenSnapshot = true;
    },
    connection: (_state, closeCode) => {
      if (closeCode !== SIGNED_OUT) return;
      stop();
      ended();
    },
  });
  const stop = () => { clearTimeout(timer); socket.stop(); };
  socket.start();
  return stop;
}
