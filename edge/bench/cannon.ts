import autocannon, { type Request as CannonRequest } from 'autocannon';
import { connectSigns, type TapSign } from './tap.ts';

/** Closed-loop HTTP load (autocannon), run in the load-generator process. */

export type CannonScenario =
  | { name: 'comment'; base: string; cookie: string; tickets: string[] }
  | { name: 'lifecycle'; base: string; cookies: { sofia: string; ana: string; ben: string; fiona: string }; rooms: string[] }
  | { name: 'bare'; base: string };

export interface CannonJob {
  kind: 'cannon';
  scenario: CannonScenario;
  connections: number;
  durationS: number;
  /** Subscribers kept connected during the run (the signs), with their messages counted. */
  mqtt?: { url: string; signs: TapSign[] };
}

export interface CannonResult {
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  mqttReceived: number;
  /** The load generator's own CPU share during the run (1 = one core). */
  clientCpu: number;
}

const json = { 'content-type': 'application/json' };

function requestsFor(scenario: CannonScenario): CannonRequest[] {
  switch (scenario.name) {
    case 'comment': {
      let k = 0;
      const headers = { ...json, cookie: scenario.cookie };
      return [{
        method: 'POST', headers, body: JSON.stringify({ text: 'Checked the room after the service' }),
        setupRequest: (req) => ({ ...req, path: `/api/tickets/${scenario.tickets[k++ % scenario.tickets.length]}/comment` }),
      }];
    }
    case 'bare': {
      let k = 0;
      return [{
        method: 'POST', headers: json, body: JSON.stringify({ text: 'Checked the room after the service' }),
        setupRequest: (req) => ({ ...req, path: `/bare/c-${k++}` }),
      }];
    }
    case 'lifecycle': {
      // Each connection runs whole cycles: create, assign, start, complete, approve. The
      // context (reset by autocannon at every cycle) carries the new ticket's id.
      const { cookies, rooms } = scenario;
      let cycle = 0;
      const as = (cookie: string) => ({ ...json, cookie });
      type Ctx = Record<string, unknown>;
      const act = (action: string, cookie: (ctx: Ctx) => string, body: (ctx: Ctx) => unknown): CannonRequest => ({
        method: 'POST',
        setupRequest: (req, ctx) => ({ ...req, path: `/api/tickets/${String(ctx.id)}/${action}`, headers: as(cookie(ctx)), body: JSON.stringify(body(ctx)) }),
      });
      const cleanerCookie = (ctx: Ctx) => (ctx.who === 'ana' ? cookies.ana : cookies.ben);
      return [
        {
          method: 'POST', path: '/api/tickets', headers: as(cookies.sofia),
          setupRequest: (req, ctx) => {
            const n = cycle++;
            ctx.who = n % 2 === 0 ? 'ana' : 'ben';
            const room = rooms[n % rooms.length];
            return { ...req, body: JSON.stringify({ kind: 'task', category: 'cleaning', room, priority: 'normal', description: `Bench round ${n}` }) };
          },
          onResponse: (status, body, ctx) => { if (status === 201) ctx.id = (JSON.parse(body) as { id: string }).id; },
        },
        act('assign', () => cookies.sofia, (ctx) => ({ assignee: ctx.who })),
        act('start', cleanerCookie, () => ({})),
        act('complete', cleanerCookie, () => ({ note: 'Done' })),
        act('approve', () => cookies.fiona, () => ({})),
      ];
    }
  }
}

export async function runCannon(job: CannonJob): Promise<CannonResult> {
  let mqttReceived = 0;
  const signs = job.mqtt ? await connectSigns(job.mqtt.url, job.mqtt.signs, () => { mqttReceived++; }) : [];
  await new Promise((resolve) => setTimeout(resolve, 100));
  mqttReceived = 0; // the retained messages delivered on subscribe are not part of the run
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await autocannon({
    url: job.scenario.base,
    connections: job.connections,
    duration: job.durationS,
    pipelining: 1,
    timeout: 10,
    requests: requestsFor(job.scenario),
  });
  const cpu = process.cpuUsage(cpu0);
  const clientCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the last publishes arrive
  await Promise.all(signs.map((c) => c.endAsync(true)));
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  const requests = result.requests.total;
  return {
    connections: job.connections,
    requests,
    perSecond: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    mqttReceived,
    clientCpu,
  };
}
