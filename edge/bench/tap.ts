import http from 'node:http';
import { connectAsync, type MqttClient } from 'mqtt';
import { type LatencySummary, summarize } from './stats.ts';

/**
 * Open-loop tap-to-sign, run in the load-generator process: POSTs fired on a fixed
 * schedule whatever the responses, each timed from the moment it is written to the
 * socket until a subscribed sign receives the status message naming its key.
 */

export interface TapSign { topic: string; clientId: string; username?: string; password?: string }

export interface TapJob {
  kind: 'tap';
  base: string;
  mqtt: string;
  signs: TapSign[];
  /** `key` is the value the sign's message carries in `matchField` (the ticket id). */
  requests: { key: string; path: string }[];
  matchField: string;
  headers: Record<string, string>;
  body: string;
  rate: number;
  drainMs: number;
  /** Set: the run can be cut short with `stopTap(stopId)`; what was sent is still awaited. */
  stopId?: string;
}

export interface TapResult {
  rate: number;
  sent: number;
  received: number;
  httpOk: number;
  httpFailed: number;
  statuses: Record<string, number>;
  achieved: number;
  seconds: number;
  toSign: LatencySummary;
  httpResponse: LatencySummary;
  sendLag: LatencySummary;
}

/** Signs in as each sign with its own credentials and subscribes (QoS 1) to its topic. */
export async function connectSigns(mqttUrl: string, signs: TapSign[], onMessage: (payload: Buffer) => void): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  for (const sign of signs) {
    const client = await connectAsync(mqttUrl, {
      clientId: sign.clientId, reconnectPeriod: 0, clean: true,
      ...(sign.username ? { username: sign.username, password: sign.password ?? '' } : {}),
    });
    client.on('message', (_topic, payload) => onMessage(payload));
    const granted = await client.subscribeAsync(sign.topic, { qos: 1 });
    if (granted[0]?.qos === 128) throw new Error(`subscription to ${sign.topic} refused`);
    clients.push(client);
  }
  return clients;
}

const stoppers = new Map<string, () => void>();

/** Stops sending in the run named `id`; a run not started yet stops as soon as it starts. */
export function stopTap(id: string): void {
  const stop = stoppers.get(id);
  if (stop) stop();
  else stoppers.set(id, () => {});
}

export async function runTap(job: TapJob): Promise<TapResult> {
  const url = new URL(job.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const sentAt = new Map<string, number>();
  const toSign: number[] = [];
  const httpResponse: number[] = [];
  const sendLag: number[] = [];
  const statuses: Record<string, number> = {};
  let received = 0;
  let httpDone = 0;
  let httpOk = 0;
  let lastReceive = 0;
  let finish: () => void = () => {};

  const clients = await connectSigns(job.mqtt, job.signs, (payload) => {
    const now = performance.now();
    let key: unknown;
    try { key = (JSON.parse(payload.toString()) as Record<string, unknown>)[job.matchField]; } catch { return; }
    const t0 = typeof key === 'string' ? sentAt.get(key) : undefined;
    if (t0 === undefined) return;
    sentAt.delete(key as string);
    toSign.push(now - t0);
    received++;
    lastReceive = now;
    if (received === total && httpDone === total) finish();
  });

  const request = (method: string, path: string, body: string | null, headers: Record<string, string>, done: (status: number) => void) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, method, path, headers: body === null ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', () => done(0));
    req.end(body ?? undefined);
  };
  // Open some keep-alive sockets before the clock starts.
  await Promise.all(Array.from({ length: 16 }, () => new Promise<void>((resolve) => request('GET', '/bench-warm-up', null, {}, () => resolve()))));

  const interval = 1000 / job.rate;
  let total = job.requests.length;
  let stopped: () => void = () => {};
  const stop = new Promise<void>((resolve) => { stopped = resolve; });
  const start = performance.now() + 20;
  let next = 0;
  const completed = new Promise<void>((resolve) => { finish = resolve; });
  if (job.stopId !== undefined) {
    const early = stoppers.has(job.stopId);
    stoppers.set(job.stopId, () => {
      total = next;
      if (received === total && httpDone === total) finish();
      setTimeout(stopped, job.drainMs);
    });
    if (early) stoppers.get(job.stopId)!();
  }
  const pump = () => {
    const now = performance.now();
    while (next < total && start + next * interval <= now) {
      const { key, path } = job.requests[next]!;
      const scheduled = start + next * interval;
      next++;
      const t0 = performance.now();
      sendLag.push(t0 - scheduled);
      sentAt.set(key, t0);
      request('POST', path, job.body, job.headers, (status) => {
        httpResponse.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 300) httpOk++;
        httpDone++;
        if (received === total && httpDone === total) finish();
      });
    }
    if (next < total) setTimeout(pump, Math.max(0, start + next * interval - performance.now() - 0.5));
  };
  setTimeout(pump, Math.max(0, start - performance.now()));
  const scheduleEnd = start + total * interval;
  await Promise.race([completed, stop, new Promise<void>((resolve) => setTimeout(resolve, scheduleEnd - performance.now() + job.drainMs))]);
  if (job.stopId !== undefined) stoppers.delete(job.stopId);

  await Promise.all(clients.map((c) => c.endAsync(true)));
  agent.destroy();
  const seconds = ((lastReceive || performance.now()) - start) / 1000;
  return {
    rate: job.rate, sent: next, received, httpOk, httpFailed: httpDone - httpOk + (next - httpDone), statuses,
    achieved: received / seconds, seconds,
    toSign: summarize(toSign), httpResponse: summarize(httpResponse), sendLag: summarize(sendLag),
  };
}
