import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { int } from '../bench/stats.ts';
import type { Actor } from '../src/rights/actor.ts';
import { ReadOnlySite } from '../src/store/read-only-site.sqlite.ts';
import { type ChainRow, verifyChain } from '../src/store/hash-chain.ts';
import { startTestGateway } from '../src/test-support/test-gateway.ts';
import type { Figures } from './figures.ts';
import { snapshotLog, type Tamper, tamperFile } from './log-copy.sqlite.ts';

const FIELDS = ['at', 'actor', 'type', 'entity', 'state', 'prev_hash', 'hash'] as const;

/** A random tamper over a log of `n` events. Deleting the last event is left out: a shorter log is a valid chain (the central copy catches that). */
const tamperOf = (n: number): fc.Arbitrary<{ tamper: Tamper; at: number; char: number }> => fc.oneof(
  fc.record({ tamper: fc.record({ kind: fc.constant('edit' as const), seq: fc.integer({ min: 1, max: n }), field: fc.constantFrom(...FIELDS), value: fc.constant('') }), at: fc.nat(), char: fc.integer({ min: 32, max: 126 }) }),
  fc.record({ tamper: fc.record({ kind: fc.constant('delete' as const), seq: fc.integer({ min: 1, max: n - 1 }) }), at: fc.constant(0), char: fc.constant(0) }),
  fc.record({ tamper: fc.record({ kind: fc.constant('swap' as const), seq: fc.integer({ min: 1, max: n }), other: fc.integer({ min: 1, max: n }) }), at: fc.constant(0), char: fc.constant(0) })
    .filter(({ tamper }) => tamper.seq !== tamper.other),
);

/** The edit's new value: one character of the old one changed (or one added to an empty value). */
function edited(old: string, at: number, char: number): string {
  if (old.length === 0) return String.fromCharCode(char);
  const i = at % old.length;
  let c = String.fromCharCode(char);
  if (c === old[i]) c = String.fromCharCode(char === 126 ? 32 : char + 1);
  return old.slice(0, i) + c + old.slice(i + 1);
}

function applied(rows: readonly ChainRow[], tamper: Tamper): ChainRow[] {
  const out = [...rows];
  const index = (seq: number) => seq - 1;
  if (tamper.kind === 'edit') out[index(tamper.seq)] = { ...out[index(tamper.seq)]!, [tamper.field]: tamper.value };
  if (tamper.kind === 'delete') out.splice(index(tamper.seq), 1);
  if (tamper.kind === 'swap') {
    const [a, b] = [out[index(tamper.seq)]!, out[index(tamper.other)]!];
    out[index(tamper.seq)] = { ...b, seq: a.seq };
    out[index(tamper.other)] = { ...a, seq: b.seq };
  }
  return out;
}

const expectedFirstBad = (t: Tamper) => (t.kind === 'swap' ? Math.min(t.seq, t.other) : t.seq);

/**
 * Section 6: random edits, deletions and swaps in a copy of a real site log. Every one is
 * checked with the chain walk; one in `fileEvery` is also written into a copy of the SQLite
 * file and checked the way `npm run verify` does. Found means the walk fails and names the
 * first tampered seq.
 */
export async function logTamper(figures: Figures, trials: number, fileEvery = 50, events = 2_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-tamper-'));
  const gw = await startTestGateway();
  try {
    const actor: Actor = { ref: 'user:hanna', user: 'hanna', role: 'facility_head', teams: [], room: null };
    const rooms = gw.creds.rooms.map((r) => r.id);
    while (gw.store.log.head.seq < events) {
      const opened = await Promise.all(Array.from({ length: 100 }, (_, i) => gw.commands.handle(actor, { room: rooms[i % rooms.length]! }, {
        type: 'open-ticket', kind: 'task', category: 'supplies', description: `Log ${i}`, priority: 'normal',
      })));
      await Promise.all(opened.slice(0, 50).map((r) => gw.commands.handle(actor, { ticket: r.ticket.id }, { type: 'comment', text: 'Seen', internal: false })));
    }
    const pristine = join(dir, 'pristine.sqlite');
    const rows = snapshotLog(join(gw.dir, 'demo.sqlite'), pristine);
    if (!verifyChain(rows).ok) throw new Error('the untouched copy does not verify');
    const tally = { found: 0, namedRight: 0, byKind: new Map<string, { n: number; found: number; named: number }>(), fileTrials: 0, fileFound: 0, misses: [] as string[] };
    const samples = fc.sample(tamperOf(rows.length), { numRuns: trials, seed: 20261205 });
    samples.forEach(({ tamper, at, char }, trial) => {
      if (tamper.kind === 'edit') tamper.value = edited(String(rows[tamper.seq - 1]![tamper.field]), at, char);
      const result = verifyChain(applied(rows, tamper));
      const expected = expectedFirstBad(tamper);
      const kind = tamper.kind === 'edit' ? `edit ${tamper.field}` : tamper.kind;
      const entry = tally.byKind.get(kind) ?? { n: 0, found: 0, named: 0 };
      entry.n += 1;
      if (!result.ok) { tally.found += 1; entry.found += 1; }
      if (result.firstBadSeq === expected) { tally.namedRight += 1; entry.named += 1; } else if (tally.misses.length < 5) tally.misses.push(`${JSON.stringify(tamper)}: ${JSON.stringify(result)}`);
      tally.byKind.set(kind, entry);
      if (trial % fileEvery === 0) {
        const file = join(dir, 'tampered.sqlite');
        tamperFile(pristine, file, tamper);
        const site = new ReadOnlySite(file);
        try {
          const fromFile = site.verifyLog();
          tally.fileTrials += 1;
          if (!fromFile.ok && fromFile.firstBadSeq === expected) tally.fileFound += 1;
          else if (tally.misses.length < 5) tally.misses.push(`file: ${JSON.stringify(tamper)}: ${JSON.stringify(fromFile)}`);
        } finally {
          site.close();
        }
      }
    });
    for (const [kind, e] of [...tally.byKind].sort()) console.log(`  ${kind}: ${e.n} tampers, ${e.found} found, ${e.named} with the right first bad seq`);
    for (const miss of tally.misses) console.log(`  miss: ${miss}`);
    const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(2)} %`;
    const section = '6';
    figures.add({ section, measure: `tampers in a copy of a ${int(rows.length)}-event log`, value: int(trials), target: '10,000', pass: trials >= 10_000 });
    figures.add({ section, measure: 'found by verify', value: `${pct(tally.found, trials)} (${int(tally.found)})`, target: '100 %', pass: tally.found === trials });
    figures.add({ section, measure: 'first bad seq named correctly', value: `${pct(tally.namedRight, trials)} (${int(tally.namedRight)})`, target: '100 %', pass: tally.namedRight === trials });
    figures.add({ section, measure: 'of which written into the SQLite file and verified as `npm run verify` does', value: `${tally.fileFound} of ${tally.fileTrials} found and named`, target: 'all', pass: tally.fileFound === tally.fileTrials, note: 'deleting the newest event is not in the mix: a shorter log is a valid chain; the central copy refuses it as LOG_CUT_BACK' });
  } finally {
    await gw.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
