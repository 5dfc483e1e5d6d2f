import { createHash } from 'node:crypto';
import type { VerifyResult } from '../contracts/index.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  seq: number;
  site: string;
  at: string;
  actor: string;
  type: string;
  entity: string;
  /** The entity's new state exactly as stored (JSON text): the hash covers these bytes. */
  state: string;
  prev_hash: string;
  hash: string;
}

export function eventHash(prevHash: string, row: Omit<ChainRow, 'prev_hash' | 'hash'>): string {
  const fields = [prevHash, row.seq, row.site, row.at, row.actor, row.type, row.entity, row.state];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Walks rows in order and names the first one that breaks the chain. */
export function verifyChain(rows: Iterable<ChainRow>): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let head: VerifyResult['head'] = null;
  for (const row of rows) {
    const problem =
      row.seq !== expectedSeq ? `sequence number ${expectedSeq} is missing` :
      row.prev_hash !== prev ? 'prev_hash does not match the hash of the event before it' :
      row.hash !== eventHash(prev, row) ? 'the hash does not match the event\'s content' : null;
    if (problem) return { ok: false, checked, head, firstBadSeq: expectedSeq, problem };
    prev = row.hash;
    expectedSeq = row.seq + 1;
    checked += 1;
    head = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, checked, head, firstBadSeq: null, problem: null };
}
