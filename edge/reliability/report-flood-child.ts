import { call } from './http-call.ts';

/**
 * The anonymous flood's own process (forked by report-flood.ts), so its work is not taken
 * from the staff whose latency is measured. Each browser (its own `ds_browser` cookie) sends
 * `perBrowser` reports, round-robin over the rooms, `concurrency` at a time.
 */
export interface FloodJob { base: string; rooms: { id: string; k: string }[]; browsers: number; perBrowser: number; concurrency: number }
export interface FloodResult { sent: number; accepted: number; refused: number; statuses: Record<string, number>; perRoom: Record<string, number>; perBrowserMax: number; seconds: number }

async function flood(job: FloodJob): Promise<FloodResult> {
  const plan = Array.from({ length: job.browsers * job.perBrowser }, (_, n) => ({ browser: n % job.browsers, room: job.rooms[n % job.rooms.length]! }));
  const statuses: Record<string, number> = {};
  const perRoom: Record<string, number> = {};
  const perBrowser = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < plan.length) {
      const { browser, room } = plan[next++]!;
      const res = await call(job.base, 'POST', `/api/rooms/${room.id}/reports?k=${room.k}`, {
        cookie: `ds_browser=flood-${browser}`, body: { category: 'cleaning', description: `Flood from browser ${browser}` },
      }).catch((error: Error) => ({ status: 0, body: error.message }));
      const key = `${res.status}${typeof res.body === 'object' && res.body?.error ? ` ${res.body.error}` : ''}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (res.status === 201) {
        perRoom[room.id] = (perRoom[room.id] ?? 0) + 1;
        perBrowser.set(browser, (perBrowser.get(browser) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  const accepted = Object.values(perRoom).reduce((s, n) => s + n, 0);
  return { sent: plan.length, accepted, refused: statuses['429 RATE_LIMITED'] ?? 0, statuses, perRoom, perBrowserMax: Math.max(0, ...perBrowser.values()), seconds: (performance.now() - started) / 1000 };
}

process.on('message', (message: { seq: number; job: FloodJob }) => {
  flood(message.job).then(
    (result) => process.send!({ seq: message.seq, result }),
    (error: unknown) => process.send!({ seq: message.seq, error: String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
