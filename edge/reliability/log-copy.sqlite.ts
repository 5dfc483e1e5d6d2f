import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ChainRow } from '../src/store/hash-chain.ts';

/** A tamper with a site log: one field edited, one event deleted, or two events' contents swapped. */
export type Tamper =
  | { kind: 'edit'; seq: number; field: 'at' | 'actor' | 'type' | 'entity' | 'state' | 'prev_hash' | 'hash'; value: string }
  | { kind: 'delete'; seq: number }
  | { kind: 'swap'; seq: number; other: number };

/** A consistent copy of a live site database (VACUUM INTO), and its events in order. */
export function snapshotLog(from: string, to: string): ChainRow[] {
  const live = new Database(from, { readonly: true, fileMustExist: true });
  try { live.prepare('VACUUM INTO ?').run(to); } finally { live.close(); }
  const copy = new Database(to, { readonly: true });
  try { return copy.prepare('SELECT * FROM events ORDER BY seq').all() as ChainRow[]; } finally { copy.close(); }
}

/**
 * Applies a tamper to a fresh copy of `pristine` at `file`, as someone with the file would:
 * the append-only triggers are dropped first, then the rows changed with plain SQL.
 */
export function tamperFile(pristine: string, file: string, tamper: Tamper): void {
  copyFileSync(pristine, file);
  const db = new Database(file);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;');
    if (tamper.kind === 'edit') db.prepare(`UPDATE events SET ${tamper.field} = ? WHERE seq = ?`).run(tamper.value, tamper.seq);
    if (tamper.kind === 'delete') db.prepare('DELETE FROM events WHERE seq = ?').run(tamper.seq);
    if (tamper.kind === 'swap') {
      const cols = ['site', 'at', 'actor', 'type', 'entity', 'state', 'prev_hash', 'hash'];
      const [a, b] = [tamper.seq, tamper.other].map((seq) => db.prepare('SELECT * FROM events WHERE seq = ?').get(seq) as Record<string, unknown>);
      const set = db.prepare(`UPDATE events SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE seq = @seq`);
      db.transaction(() => { set.run({ ...b, seq: tamper.seq }); set.run({ ...a, seq: tamper.other }); })();
    }
  } finally {
    db.close();
  }
}
