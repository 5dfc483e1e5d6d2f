import { eventHash, GENESIS_HASH } from '@doorside/edge/audit';
import type { ChainPoint, EventBatch, ShippedEvent } from '../../src/protocol.ts';

export interface EventBody { at: string; actor: string; type: string; entity: string; state: unknown }

const base = Date.parse('2026-11-20T08:00:00.000Z');
const statuses = ['new', 'assigned', 'in_progress', 'done', 'verified'] as const;

/** A ticket event like a gateway writes: ticket `T-<1000 + n % tickets>` moves one status on per event. */
export function ticketEvent(seq: number, tickets = 10): EventBody {
  const n = (seq - 1) % tickets;
  const step = Math.floor((seq - 1) / tickets) % statuses.length;
  const status = statuses[step]!;
  const id = `T-${1000 + n}`;
  const created = new Date(base + n * 60_000).toISOString();
  const at = new Date(base + seq * 60_000).toISOString();
  return {
    at, actor: 'user:sofia', type: step === 0 ? 'ticket-opened' : `ticket-${status}`, entity: `ticket:${id}`,
    state: {
      id, kind: 'report', category: 'cleaning', priority: 'normal', status, room: `r10${(n % 5) + 1}`, title: `Spill in room ${n}`,
      description: 'Coffee on the carpet by the window', reporter: { kind: 'occupant', id: null, contact: null },
      assignee: step === 0 ? null : 'ana', team: 'cleaning', dueAt: new Date(base + n * 60_000 + 240 * 60_000).toISOString(),
      createdAt: created, updatedAt: at, parent: null,
      history: [{ at, actor: 'user:sofia', action: status, status, assignee: step === 0 ? null : 'ana' }], notes: [], attachments: [], rejections: [],
    },
  };
}

/** Events chained after `from`, hashed the way the gateway hashes them. */
export function buildChain(site: string, count: number, from: ChainPoint = { seq: 0, hash: GENESIS_HASH }, body: (seq: number) => EventBody = (seq) => ticketEvent(seq)): ShippedEvent[] {
  const events: ShippedEvent[] = [];
  let prev = from.hash;
  for (let seq = from.seq + 1; seq <= from.seq + count; seq++) {
    const b = body(seq);
    const row = { seq, site, at: b.at, actor: b.actor, type: b.type, entity: b.entity, state: JSON.stringify(b.state) };
    const hash = eventHash(prev, row);
    events.push({ seq, at: row.at, actor: row.actor, type: row.type, entity: row.entity, state: row.state, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

export const headOf = (events: readonly ShippedEvent[], fallback: ChainPoint = { seq: 0, hash: GENESIS_HASH }): ChainPoint => {
  const last = events[events.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : fallback;
};

/** A batch of `events[from..to)` (0-based), with the head of the whole log. */
export function batchOf(all: readonly ShippedEvent[], from: number, to: number, head = headOf(all)): EventBatch {
  return { after: from === 0 ? 0 : all[from - 1]!.seq, events: all.slice(from, to), head };
}
