import { BenchTickets } from './bench-tickets.ts';
import type { TestGateway } from '../src/test-support/test-gateway.ts';
import { cast, clearBacklog, demoRoomIds, openPerRoom, openTicketIds, prepareDone, settle } from './fixtures.ts';
import type { LoadGen } from './loadgen-client.ts';
import { demoSigns } from './signs.ts';
import { int, ms } from './stats.ts';
import type { TapJob, TapResult } from './tap.ts';

/**
 * A rate is kept up with when every tap reached its sign, nothing failed and the achieved
 * rate is within 5% of the offered one with no runaway queue (p99 under half a second);
 * it is sustained when, on top of that, p99 stays under 50 ms.
 */
export const P99_BOUND_MS = 50;
export const QUEUE_BOUND_MS = 500;

export interface TapStep extends TapResult { seconds: number; note: string; keepsUp: boolean; sustained: boolean }
export interface Plan { rate: number; seconds: number }

export function keepsUp(r: TapResult): boolean {
  return r.sent > 0 && r.received === r.sent && r.httpFailed === 0 && r.achieved >= 0.95 * r.rate && r.toSign.p99 < QUEUE_BOUND_MS;
}

export function isSustained(r: TapResult): boolean {
  return keepsUp(r) && r.toSign.p99 < P99_BOUND_MS;
}

export function describeTap(r: TapResult): string {
  const codes = Object.entries(r.statuses).map(([code, n]) => `${code}:${int(n)}`).join(' ');
  return `  ${int(r.rate)}/s offered: ${int(r.achieved)}/s achieved, ${int(r.received)}/${int(r.sent)} on the sign, ` +
    `p50 ${ms(r.toSign.p50)}, p99 ${ms(r.toSign.p99)}, max ${ms(r.toSign.max)}; http p99 ${ms(r.httpResponse.p99)} [${codes}]; ` +
    `send lag p99 ${ms(r.sendLag.p99)}`;
}

/**
 * Runs the first step (the baseline), then the rest in order until one is not kept up with.
 * `job` builds the step's requests (untimed), `after` tidies up (untimed).
 */
export async function ramp(load: LoadGen, plan: Plan[], job: (rate: number, count: number) => TapJob, note: () => string, after: () => void = () => {}): Promise<TapStep[]> {
  const steps: TapStep[] = [];
  for (const [i, { rate, seconds }] of plan.entries()) {
    const spec = job(rate, Math.round(rate * seconds));
    const before = note();
    const result = await load.run(spec);
    after();
    const step = { ...result, seconds, note: before, keepsUp: keepsUp(result), sustained: isSustained(result) };
    steps.push(step);
    const verdict = step.sustained ? 'sustained' : step.keepsUp ? `keeps up, p99 over ${P99_BOUND_MS} ms` : 'does not keep up';
    console.log(`${describeTap(result)}${before ? `; ${before}` : ''}  <- ${verdict}`);
    if (!step.keepsUp && i > 0) break;
  }
  return steps;
}

/**
 * Section 3: tap-to-sign on the gateway. Each step gets its own `done` cleaning tickets,
 * spread round-robin over the 15 rooms; fiona rejects them over HTTP and each room's sign
 * waits for the retained status naming the ticket. Between steps every ticket the step
 * left open (the rejected one and its follow-up) is closed again, untimed, and what the
 * setup wrote is checkpointed before the step starts (`settle`).
 */
export async function tapGateway(gw: TestGateway, load: LoadGen, plan: Plan[]): Promise<TapStep[]> {
  const c = cast(gw.store);
  const keep = new Set(openTicketIds(gw.store));
  const cookie = await gw.login('fiona');
  const signs = demoSigns(gw, demoRoomIds);
  return ramp(load, plan, (rate, count) => {
    const done = prepareDone(gw.store, new BenchTickets(gw.commands), c, demoRoomIds, count);
    settle(gw.store);
    return {
      kind: 'tap', base: gw.http, mqtt: gw.mqtt, signs, matchField: 'ticket', rate, drainMs: 5_000,
      requests: done.map((d) => ({ key: d.id, path: `/api/tickets/${d.id}/reject` })),
      headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ reason: 'Not cleaned' }),
    };
  }, () => {
    const b = openPerRoom(gw.store);
    return `open tickets per room at start ${b.max}`;
  }, () => { clearBacklog(gw.store, new BenchTickets(gw.commands), c, keep); });
}
