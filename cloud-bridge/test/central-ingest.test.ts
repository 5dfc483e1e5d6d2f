import { GENESIS_HASH } from '@doorside/edge/audit';
import { describe, expect, it } from 'vitest';
import type { Central } from '../src/central/server.ts';
import type { EventBatch, ShippedEvent } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { backends, call, centralHarness } from './support/central-harness.ts';

const send = (central: Central, key: string, batch: unknown, site = 'north') =>
  call(central, 'POST', `/api/sites/${site}/events`, { key, body: batch });

describe.each(backends)('ingest of a site\'s event log ($name)', ({ name, skip }) => {
  const harness = centralHarness(name);
  const setup = async () => {
    const central = await harness.start();
    const { siteKey } = await central.addSite('north', 'North Tower');
    return { central, key: siteKey, log: buildChain('north', 30) };
  };

  it.skipIf(skip)('answers seq 0 and the genesis hash for a site with no events yet', async () => {
    const { central, key } = await setup();

    const answer = await call(central, 'GET', '/api/sites/north/cursor', { key });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ cursor: { seq: 0, hash: GENESIS_HASH } });
  });

  it.skipIf(skip)('stores a batch and moves the cursor to its last event', async () => {
    const { central, key, log } = await setup();

    const answer = await send(central, key, batchOf(log, 0, 20));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ cursor: headOf(log.slice(0, 20)), stored: 20 });
    expect(await central.siteCursor('north')).toEqual(headOf(log.slice(0, 20)));
    expect(await central.eventCount('north')).toBe(20);
  });

  it.skipIf(skip)('answers a re-sent batch with 200 and changes nothing', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 20));

    const again = await send(central, key, batchOf(log, 0, 20));

    expect(again.status).toBe(200);
    expect(again.body).toEqual({ cursor: headOf(log.slice(0, 20)), stored: 0 });
    expect(await central.eventCount('north')).toBe(20);
    expect(await central.alerts('north')).toEqual([]);
  });

  it.skipIf(skip)('takes a batch that overlaps stored events identically and stores only what is new', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 20));

    const answer = await send(central, key, batchOf(log, 10, 30));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ cursor: headOf(log), stored: 10 });
    expect(await central.eventCount('north')).toBe(30);
  });

  it.skipIf(skip)('takes a late copy of an earlier batch whose head is behind the cursor as a duplicate', async () => {
    const { central, key, log } = await setup();
    const early = batchOf(log, 0, 10, headOf(log.slice(0, 10)));
    await send(central, key, batchOf(log, 0, 30));

    const late = await send(central, key, early);

    expect(late.status).toBe(200);
    expect(late.body.stored).toBe(0);
    expect(await central.alerts('north')).toEqual([]);
  });

  it.skipIf(skip)('refuses a gap with 409 OUT_OF_ORDER naming where to resend from', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 10));

    const answer = await send(central, key, batchOf(log, 15, 30));

    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('OUT_OF_ORDER');
    expect(answer.body.details.cursor).toEqual(headOf(log.slice(0, 10)));
    expect(await central.eventCount('north')).toBe(10);
  });

  it.skipIf(skip)('refuses an empty batch that starts behind the cursor with 409 OUT_OF_ORDER', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 10));

    const answer = await send(central, key, { after: 3, events: [], head: headOf(log) });

    expect(answer.status).toBe(409);
    expect(answer.body.details.cursor.seq).toBe(10);
  });

  const breaks: { what: string; firstBadSeq: number; problem: RegExp; spoil(log: ShippedEvent[]): EventBatch; before?: number }[] = [
    {
      what: 'an event whose prevHash is not the hash before it', firstBadSeq: 15, problem: /prev_hash/,
      spoil: (log) => batchOf(log.map((e) => (e.seq === 15 ? { ...e, prevHash: 'a'.repeat(64) } : e)), 10, 20),
    },
    {
      what: 'an event whose content was changed after hashing', firstBadSeq: 13, problem: /hash does not match/,
      spoil: (log) => batchOf(log.map((e) => (e.seq === 13 ? { ...e, actor: 'user:mallory' } : e)), 10, 20),
    },
    {
      what: 'a batch that skips a seq inside it', firstBadSeq: 14, problem: /sequence number 14 is missing/,
      spoil: (log) => ({ ...batchOf(log, 10, 20), events: [...log.slice(10, 13), ...log.slice(14, 21)] }),
    },
    {
      what: 'a stored event sent again with another hash', firstBadSeq: 8, problem: /another hash than the one stored/,
      spoil: (log) => {
        const forged = buildChain('north', 30, undefined, (seq) => ({ at: '2026-11-20T09:00:00.000Z', actor: 'user:x', type: 'ticket-commented', entity: `ticket:T-${seq}`, state: { seq } }));
        return { after: 7, events: forged.slice(7, 20), head: headOf(forged.slice(0, 20)) };
      },
    },
  ];

  for (const b of breaks) {
    it.skipIf(skip)(`refuses ${b.what} with 422 CHAIN_BROKEN, stores nothing of it and raises an alert`, async () => {
      const { central, key, log } = await setup();
      await send(central, key, batchOf(log, 0, 10));

      const answer = await send(central, key, b.spoil(log));

      expect(answer.status).toBe(422);
      expect(answer.body.error).toBe('CHAIN_BROKEN');
      expect(answer.body.details.firstBadSeq).toBe(b.firstBadSeq);
      expect(answer.body.details.problem).toMatch(b.problem);
      expect(await central.eventCount('north')).toBe(10);
      expect(await central.siteCursor('north')).toEqual(headOf(log.slice(0, 10)));
      expect(await central.alerts('north')).toEqual([expect.objectContaining({ site: 'north', kind: 'chain-broken', seq: b.firstBadSeq })]);
    });
  }

  it.skipIf(skip)('refuses a break deep in a large batch and keeps none of the events before it', async () => {
    const { central, key } = await setup();
    const long = buildChain('north', 1800);
    const spoiled = long.map((e) => (e.seq === 1700 ? { ...e, entity: 'ticket:T-9' } : e));

    const answer = await send(central, key, batchOf(spoiled, 0, 1800));

    expect(answer.status).toBe(422);
    expect(answer.body.details.firstBadSeq).toBe(1700);
    expect(await central.eventCount('north')).toBe(0);
    expect(await central.siteCursor('north')).toEqual({ seq: 0, hash: GENESIS_HASH });
    expect((await central.alerts('north')).map((a) => a.seq)).toEqual([1700]);
  });

  it.skipIf(skip)('refuses a head behind the cursor as LOG_CUT_BACK and raises an alert', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 30));
    const rewritten = buildChain('north', 5, headOf(log.slice(0, 20)), (seq) => ({ at: '2026-11-21T10:00:00.000Z', actor: 'system', type: 'room-status-changed', entity: 'room:r101', state: { seq } }));

    const answer = await send(central, key, { after: 20, events: rewritten, head: headOf(rewritten) });

    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('LOG_CUT_BACK');
    expect(answer.body.details.cursor).toEqual(headOf(log));
    expect(await central.eventCount('north')).toBe(30);
    expect((await central.alerts('north')).map((a) => a.kind)).toEqual(['log-cut-back']);
  });

  it.skipIf(skip)('refuses a head at the cursor\'s seq with another hash as LOG_CUT_BACK', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 30));

    const answer = await send(central, key, { after: 30, events: [], head: { seq: 30, hash: 'b'.repeat(64) } });

    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('LOG_CUT_BACK');
  });

  it.skipIf(skip)('counts the same problem raised again as one alert', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 10));
    const spoiled = batchOf(log.map((e) => (e.seq === 12 ? { ...e, state: '{}' } : e)), 10, 20);

    await send(central, key, spoiled);
    await send(central, key, spoiled);

    expect(await central.alerts('north')).toHaveLength(1);
    const listed = await central.app.inject({ method: 'GET', url: '/metrics' });
    expect(listed.body).toMatch(/doorside_central_batches_refused_total\{reason="CHAIN_BROKEN"\} 2/);
  });

  it.skipIf(skip)('answers 401 to an unknown site, a wrong key and no key, and stores nothing', async () => {
    const { central, key, log } = await setup();
    const batch = batchOf(log, 0, 10);

    const answers = await Promise.all([
      send(central, key, batch, 'south'),
      send(central, `${key.slice(0, -2)}xx`, batch),
      call(central, 'POST', '/api/sites/north/events', { body: batch }),
      call(central, 'GET', '/api/sites/north/cursor', { key: 'not-a-key-at-all-but-long-enough' }),
    ]);

    expect(answers.map((a) => [a.status, a.body.error])).toEqual(Array(4).fill([401, 'BAD_SITE_KEY']));
    expect(await central.eventCount('north')).toBe(0);
  });

  it.skipIf(skip)('answers 400 to a malformed batch and stores nothing', async () => {
    const { central, key, log } = await setup();
    const bad = [
      '{"after": 0, "events": [',
      { after: 0, events: log.slice(0, 5), head: headOf(log), extra: true },
      { after: -1, events: [], head: headOf(log) },
      { after: 0, events: log.slice(0, 5).map((e) => ({ ...e, hash: 'XYZ' })), head: headOf(log) },
    ];

    const answers = await Promise.all(bad.map((body) => send(central, key, body)));

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(answers[1]!.body).toEqual(expect.objectContaining({ error: 'INVALID', message: expect.any(String) }));
    expect(await central.eventCount('north')).toBe(0);
  });

  it.skipIf(skip)('holds a chain that verifies from the first event after batches, re-sends and refusals', async () => {
    const { central, key, log } = await setup();
    await send(central, key, batchOf(log, 0, 7));
    await send(central, key, batchOf(log, 3, 12));
    await send(central, key, batchOf(log, 20, 25));
    await send(central, key, batchOf(log, 12, 30));

    const verified = await central.verifySite('north');
    const stored = await central.events('north', 0, 100);

    expect(verified).toEqual({ ok: true, checked: 30, head: headOf(log), firstBadSeq: null, problem: null });
    expect(stored).toEqual(log);
  });
});

