import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain-error.ts';
import { actorOf } from '../src/rights/actor.ts';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';

type Kind = 'received' | 'requested' | 'issued' | 'used' | 'returned' | 'disposed';
interface Step { kind: Kind; quantity: number; job: number }

/** What must hold of an item whatever happened to it: checked against the database itself. */
function invariants(gw: TestGateway, item: string, jobs: string[]) {
  const row = gw.store.db.prepare('SELECT level FROM stock_items WHERE id = ?').get(item) as { level: number };
  const sum = (gw.store.db.prepare('SELECT coalesce(sum(delta), 0) AS s FROM stock_movements WHERE item = ?').get(item) as { s: number }).s;
  expect(row.level).toBe(sum);
  expect(row.level).toBeGreaterThanOrEqual(0);
  for (const job of jobs) {
    const t = gw.store.stock.jobTotals(job, item);
    expect(t.issued - t.used - t.returned).toBeGreaterThanOrEqual(0);
    expect(t.used - t.disposed).toBeGreaterThanOrEqual(0);
  }
  return row.level;
}

const lines = (gw: TestGateway, item: string) =>
  (gw.store.db.prepare('SELECT count(*) AS n FROM stock_movements WHERE item = ?').get(item) as { n: number }).n;

describe('the stock ledger always balances', () => {
  let gw: TestGateway;
  let hanna: string;
  let eva: string;
  let ana: string;
  const jobs: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway({ demoStock: true });
    hanna = await gw.login('hanna');
    eva = await gw.login('eva');
    ana = await gw.login('ana');
    for (const room of ['r101', 'r102', 'r103']) {
      const url = new URL(gw.creds.rooms.find((r) => r.id === room)!.reportApi);
      const id = (await gw.call('POST', url.pathname + url.search, { body: { category: 'cleaning', description: 'Supplies' } })).body.ticket.id as string;
      await gw.call('POST', `/api/tickets/${id}/assign`, { cookie: hanna, body: { assignee: 'ana' } });
      jobs.push(id);
    }
  });
  afterAll(async () => { await gw?.stop(); });

  const newItem = async (name: string) =>
    (await gw.call('POST', '/api/stock/items', { cookie: hanna, body: { store: 'main-store', name, unit: 'pcs', cost: 100, minimum: 0, billable: false } })).body.id as string;

  it('over 1,000 random sequences of movements: level = sum of the ledger, never negative, a refusal writes nothing', async () => {
    const hanna = actorOf(gw.store.directory.user('hanna')!.user);
    const kinds: Kind[] = ['received', 'requested', 'issued', 'used', 'returned', 'disposed'];
    const step = fc.record({ kind: fc.constantFrom(...kinds), quantity: fc.integer({ min: 1, max: 8 }), job: fc.integer({ min: -1, max: 2 }) });
    let runs = 0;
    let refused = 0;
    let accepted = 0;

    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps: Step[]) => {
      runs++;
      const item = (await gw.commands.handle(hanna, { stock: true }, { type: 'define-stock-item', item: { store: 'main-store', name: `Prop ${runs}`, unit: 'pcs', cost: 100, minimum: 0, billable: false } })).id;
      for (const s of steps) {
        // Receipts are the store's; job movements name a job; a disposal is the store's or a job's.
        const ticket = s.kind === 'received' ? undefined : s.job < 0 && s.kind === 'disposed' ? undefined : jobs[Math.max(0, s.job)];
        const before = lines(gw, item);
        try {
          await gw.commands.handle(hanna, { stockItem: item }, { type: 'move-stock', kind: s.kind, quantity: s.quantity, ...(ticket ? { ticket } : {}) });
          accepted++;
          expect(lines(gw, item)).toBe(before + 1);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          refused++;
          expect(lines(gw, item)).toBe(before);
        }
        invariants(gw, item, jobs);
      }
    }), { numRuns: 1_000, seed: 20261206 });

    expect(runs).toBe(1_000);
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(1_000);
  }, 600_000);

  it('under many simultaneous HTTP requests against one gateway: what was answered 200 is exactly what the ledger holds', async () => {
    const item = await newItem('Contended');
    const rounds = 10;
    let okTotal = 0;
    let refusedTotal = 0;

    for (let round = 0; round < rounds; round++) {
      const before = lines(gw, item);
      const requests = Array.from({ length: 40 }, (_, i) => {
        const job = jobs[i % jobs.length]!;
        const quantity = 1 + ((i * 7 + round) % 5);
        switch ((i + round) % 6) {
          case 0: return gw.call('POST', `/api/stock/items/${item}/receive`, { cookie: eva, body: { quantity } });
          case 1: case 2: return gw.call('POST', `/api/tickets/${job}/consumables/issue`, { cookie: eva, body: { item, quantity } });
          case 3: return gw.call('POST', `/api/tickets/${job}/consumables/use`, { cookie: ana, body: { item, quantity } });
          case 4: return gw.call('POST', `/api/tickets/${job}/consumables/return`, { cookie: ana, body: { item, quantity } });
          default: return gw.call('POST', `/api/stock/items/${item}/dispose`, { cookie: eva, body: { quantity } });
        }
      });

      const answers = await Promise.all(requests);

      const ok = answers.filter((a) => a.status === 200).length;
      const statuses = new Set(answers.map((a) => a.status));
      expect([...statuses].every((s) => s === 200 || s === 409)).toBe(true);
      expect(lines(gw, item)).toBe(before + ok);
      const level = invariants(gw, item, jobs);
      const served = (await gw.call('GET', '/api/stock', { cookie: eva })).body.items.find((i: { id: string }) => i.id === item);
      expect(served.level).toBe(level);
      okTotal += ok;
      refusedTotal += answers.length - ok;
    }

    expect(okTotal).toBeGreaterThan(50);
    expect(refusedTotal).toBeGreaterThan(10);
  }, 300_000);
});
