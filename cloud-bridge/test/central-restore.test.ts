import { describe, expect, it } from 'vitest';
import type { ShippedEvent } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { backends, call, centralHarness } from './support/central-harness.ts';

/** The line a site restored from a backup at `log[at - 1]` writes: `site-restored` naming `backup`, then `more` events. */
function restoredLine(log: ShippedEvent[], at: number, more: number, backup = { seq: log[at - 1]!.seq, hash: log[at - 1]!.hash }): ShippedEvent[] {
  return buildChain('north', 1 + more, backup, (seq) => seq === backup.seq + 1
    ? { at: '2026-11-21T08:00:00.000Z', actor: 'system:restore', type: 'site-restored', entity: 'site:north', state: { backup, file: 'north.sqlite' } }
    : { at: '2026-11-21T08:05:00.000Z', actor: 'user:sofia', type: 'note-written', entity: 'note:1', state: { seq } });
}

describe.each(backends)('a site restored from a backup ($name)', ({ name, skip }) => {
  const harness = centralHarness(name);
  const setup = async () => {
    const central = await harness.start();
    const { siteKey } = await central.addSite('north', 'North Tower');
    const log = buildChain('north', 30);
    expect((await call(central, 'POST', '/api/sites/north/events', { key: siteKey, body: batchOf(log, 0, 30) })).status).toBe(200);
    return { central, key: siteKey, log };
  };

  it.skipIf(skip)('takes the new line from the backup\'s head, sets the events after it aside and raises an alert', async () => {
    const { central, key, log } = await setup();
    const line = restoredLine(log, 20, 2);

    const answer = await call(central, 'POST', '/api/sites/north/events', { key, body: { after: 20, events: line, head: headOf(line) } });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ cursor: headOf(line), stored: 3 });
    expect(await central.verifySite('north')).toMatchObject({ ok: true, checked: 23 });
    expect((await central.events('north', 20, 10)).map((e) => e.hash)).toEqual(line.map((e) => e.hash));
    expect(await central.alerts('north')).toEqual([expect.objectContaining({ kind: 'site-restored', seq: 21 })]);
  });

  it.skipIf(skip)('refuses a restore that does not follow the event the central copy holds at the backup\'s head', async () => {
    const { central, key, log } = await setup();
    const forged = restoredLine(log, 20, 1, { seq: 20, hash: log[18]!.hash });

    const answer = await call(central, 'POST', '/api/sites/north/events', { key, body: { after: 20, events: forged, head: headOf(forged) } });

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'CHAIN_BROKEN', details: { firstBadSeq: 21 } });
    expect(await central.siteCursor('north')).toEqual(headOf(log));
    expect(await central.eventCount('north')).toBe(30);
  });
});
