import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/central/migrations.ts';
import type { SqlDriver } from '../src/central/sql-driver.ts';
import { PgDriver } from '../src/central/sql-driver.pg.ts';
import { SqliteDriver } from '../src/central/sql-driver.sqlite.ts';
import type { ShippedEvent } from '../src/protocol.ts';
import { batchOf, buildChain, headOf } from './support/chain.ts';
import { backends, call, centralHarness, signIn } from './support/central-harness.ts';

const PASSWORD = 'a long enough password';

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

  it.skipIf(skip)('keeps the restore alert as a code with its numbers, beside the English message', async () => {
    const { central, key, log } = await setup();
    const line = restoredLine(log, 20, 2);
    await call(central, 'POST', '/api/sites/north/events', { key, body: { after: 20, events: line, head: headOf(line) } });
    await central.addUser('olga', PASSWORD, 'head_office');

    const { body } = await call(central, 'GET', '/api/alerts', { cookie: await signIn(central, 'olga', PASSWORD) });

    expect(body.alerts).toEqual([expect.objectContaining({
      site: 'north', kind: 'site-restored', code: 'site-restored', seq: 21,
      params: { after: 20, archived: 10, cutOff: 30, line: 1, requeued: 0 },
      message: expect.stringContaining('kept aside as line 1'),
    })]);
  });

  it.skipIf(skip)('shows head office the events set aside, oldest first, and answers 404 for an unknown site', async () => {
    const { central, key, log } = await setup();
    const line = restoredLine(log, 20, 2);
    await call(central, 'POST', '/api/sites/north/events', { key, body: { after: 20, events: line, head: headOf(line) } });
    await central.addUser('olga', PASSWORD, 'head_office');
    const cookie = await signIn(central, 'olga', PASSWORD);

    const aside = await call(central, 'GET', '/api/sites/north/archived-events', { cookie });
    const unknown = await call(central, 'GET', '/api/sites/nowhere/archived-events', { cookie });
    const malformed = await call(central, 'GET', '/api/sites/No%20Such!/archived-events', { cookie });
    const anonymous = await call(central, 'GET', '/api/sites/north/archived-events');

    expect(aside.status).toBe(200);
    expect(aside.body.site).toBe('north');
    expect(aside.body.events.map((e: { seq: number }) => e.seq)).toEqual(log.slice(20).map((e) => e.seq));
    expect(aside.body.events[0]).toEqual({
      line: 1, seq: 21, at: log[20]!.at, actor: log[20]!.actor, type: log[20]!.type, entity: log[20]!.entity, archivedAt: expect.any(String),
    });
    expect(aside.body.total).toBe(10);
    expect(aside.body.next).toBeNull();
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect(anonymous.status).toBe(401);
  });

  it.skipIf(skip)('pages through the events set aside, with their total and the next page\'s offset', async () => {
    const { central, key, log } = await setup();
    const line = restoredLine(log, 20, 2);
    await call(central, 'POST', '/api/sites/north/events', { key, body: { after: 20, events: line, head: headOf(line) } });
    await central.addUser('olga', PASSWORD, 'head_office');
    const cookie = await signIn(central, 'olga', PASSWORD);

    const first = await call(central, 'GET', '/api/sites/north/archived-events?limit=4', { cookie });
    const last = await call(central, 'GET', `/api/sites/north/archived-events?limit=4&offset=${first.body.next}`, { cookie });
    const wrong = await call(central, 'GET', '/api/sites/north/archived-events?offset=-1', { cookie });

    expect(first.body).toMatchObject({ total: 10, next: 4 });
    expect(first.body.events.map((e: { seq: number }) => e.seq)).toEqual([21, 22, 23, 24]);
    expect(last.body.events.map((e: { seq: number }) => e.seq)).toEqual([25, 26, 27, 28]);
    expect(last.body.next).toBe(8);
    expect(wrong.status).toBe(400);
  });

  it.skipIf(skip)('keeps an alert raised before codes were kept, with no code and its English message', async () => {
    const storage = await harness.database();
    const driver: SqlDriver = storage.databaseUrl ? new PgDriver(storage.databaseUrl) : new SqliteDriver(join(storage.dataDir!, 'central.sqlite'));
    await driver.transact(async (tx) => {
      await tx.run('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const m of migrations.filter((m) => m.version <= 2)) {
        for (const statement of m.statements) await tx.run(typeof statement === 'string' ? statement : statement[driver.dialect]);
        await tx.run('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)', [m.version, '2026-11-01T00:00:00.000Z']);
      }
      await tx.run(`INSERT INTO alerts (site, kind, message, seq, fingerprint, at, last_at) VALUES ('north', 'chain-broken', 'an old sentence', 7, 'f', 'x', 'x')`);
    });
    await driver.close();

    const central = await harness.start(storage);

    expect(await central.alerts('north')).toEqual([expect.objectContaining({ kind: 'chain-broken', code: null, params: {}, message: 'an old sentence' })]);
  });

  it.skipIf(skip)('refuses a restore that does not follow the event the central copy holds at the backup\'s head', async () => {
    const { central, key, log } = await setup();
    const forged = restoredLine(log, 20, 1, { seq: 20, hash: log[18]!.hash });

    const answer = await call(central, 'POST', '/api/sites/north/events', { key, body: { after: 20, events: forged, head: headOf(forged) } });

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'CHAIN_BROKEN', details: { firstBadSeq: 21 } });
    expect(await central.alerts('north')).toEqual([expect.objectContaining({ code: 'chain-broken', params: { seq: 21, reason: 'restore-mismatch' } })]);
    expect(await central.siteCursor('north')).toEqual(headOf(log));
    expect(await central.eventCount('north')).toBe(30);
  });
});
