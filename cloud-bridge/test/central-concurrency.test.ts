import { describe, expect, it } from 'vitest';
import type { Central } from '../src/central/server.ts';
import type { EventBatch } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { call, centralHarness } from './support/central-harness.ts';
import { hasPostgres } from './support/postgres.ts';

/**
 * Two central processes behind a load balancer share one PostgreSQL. A site's agent may
 * reach both at once (a retry through the other one); the chain must come out whole.
 */
describe.skipIf(!hasPostgres)('two central servers on one PostgreSQL', () => {
  const harness = centralHarness('postgres');

  const pair = async (): Promise<{ a: Central; b: Central; key: string }> => {
    const storage = await harness.database();
    const a = await harness.start(storage);
    const b = await harness.start(storage);
    const { siteKey } = await a.addSite('north');
    return { a, b, key: siteKey };
  };
  const send = (central: Central, key: string, batch: EventBatch) => call(central, 'POST', '/api/sites/north/events', { key, body: batch });

  it('stores the same batch sent to both at once exactly once', async () => {
    const { a, b, key } = await pair();
    const log = buildChain('north', 500);

    for (let round = 0; round < 5; round++) {
      const batch = batchOf(log, round * 100, round * 100 + 100);
      const answers = await Promise.all([send(a, key, batch), send(b, key, batch)]);

      expect(answers.map((x) => x.status)).toEqual([200, 200]);
      expect(answers.map((x) => x.body.stored).sort()).toEqual([0, 100]);
    }
    expect(await b.eventCount('north')).toBe(500);
    expect(await a.verifySite('north')).toEqual(expect.objectContaining({ ok: true, checked: 500 }));
  });

  it('keeps the chain whole when overlapping batches race through both servers', async () => {
    const { a, b, key } = await pair();
    const log = buildChain('north', 2000);
    let cursor = 0;

    while (cursor < log.length) {
      // Each server gets a batch from the common cursor; the second overlaps the first and reaches further.
      const answers = await Promise.all([
        send(a, key, batchOf(log, cursor, Math.min(cursor + 150, log.length), headOf(log))),
        send(b, key, batchOf(log, Math.max(cursor - 20, 0), Math.min(cursor + 250, log.length), headOf(log))),
        send(a, key, batchOf(log, Math.min(cursor + 100, log.length), Math.min(cursor + 300, log.length), headOf(log))),
      ]);

      for (const x of answers) expect([200, 409]).toContain(x.status);
      const now = await a.siteCursor('north');
      expect(now.seq).toBeGreaterThan(cursor);
      expect(now).toEqual(headOf(log.slice(0, now.seq)));
      cursor = now.seq;
    }
    expect(await b.eventCount('north')).toBe(2000);
    expect(await b.verifySite('north')).toEqual({ ok: true, checked: 2000, head: headOf(log), firstBadSeq: null, problem: null });
    expect(await a.alerts()).toEqual([]);
  });

  it('refuses a tampered copy through one server while the other takes the real batch', async () => {
    const { a, b, key } = await pair();
    const log = buildChain('north', 200);
    await send(a, key, batchOf(log, 0, 100));
    const forged = log.map((e) => (e.seq === 150 ? { ...e, actor: 'user:mallory' } : e));

    const [real, fake] = await Promise.all([send(a, key, batchOf(log, 100, 200)), send(b, key, batchOf(forged, 100, 200))]);

    expect(real.status).toBe(200);
    expect(fake.status).toBe(422);
    expect(fake.body.error).toBe('CHAIN_BROKEN');
    expect(await a.verifySite('north')).toEqual(expect.objectContaining({ ok: true, checked: 200 }));
  });
});
