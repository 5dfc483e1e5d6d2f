import http from 'node:http';

/**
 * Rejects tickets one at a time over one kept-alive connection with a signed-in cookie, as
 * the rejection benches drive the gateway; each call resolves with the HTTP status.
 */
export function rejectPoster(base: string, cookie: string): { post: (id: string) => Promise<number>; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  const body = JSON.stringify({ reason: 'Not cleaned' });
  const post = (id: string) => new Promise<number>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, agent, method: 'POST', path: `/api/tickets/${id}/reject`,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
  return { post, close: () => agent.destroy() };
}
