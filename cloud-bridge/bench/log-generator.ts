import { eventHash, GENESIS_HASH } from '@doorside/edge/audit';
import type { ChainPoint, ShippedEvent } from '../src/protocol.ts';

const start = Date.parse('2026-11-20T06:00:00.000Z');
const statuses = ['new', 'assigned', 'in_progress', 'done', 'verified'] as const;
const rooms = Array.from({ length: 60 }, (_, i) => `r${100 * (1 + Math.floor(i / 15)) + (i % 15) + 1}`);
const staff = ['ana', 'ben', 'chen', 'dirk', 'eva'];

/**
 * One event of a busy building, as the gateway would write it: mostly ticket steps with
 * the whole ticket as state (~400 bytes of JSON), some room status changes and session
 * openings. Deterministic, so the bench and its bare ceiling insert the same rows.
 */
function body(seq: number): { at: string; actor: string; type: string; entity: string; state: unknown } {
  const at = new Date(start + seq * 250).toISOString();
  const kind = seq % 10;
  if (kind === 8) {
    const room = rooms[seq % rooms.length]!;
    return { at, actor: 'system', type: 'room-status-changed', entity: `room:${room}`, state: { id: room, status: seq % 20 === 8 ? 'in_service' : 'available', since: at, reason: 'Cleaning started', ticket: `T-${1000 + (seq % 5000)}` } };
  }
  if (kind === 9) {
    const user = staff[seq % staff.length]!;
    return { at, actor: `user:${user}`, type: 'session-opened', entity: `user:${user}`, state: { kind: 'user', role: 'staff' } };
  }
  const n = Math.floor(seq / 10) % 5000;
  const step = Math.floor(seq / 50_000) % statuses.length;
  const status = statuses[step]!;
  const id = `T-${1000 + n}`;
  const assignee = step === 0 ? null : staff[n % staff.length]!;
  return {
    at, actor: assignee ? `user:${assignee}` : 'occupant', type: `ticket-${step === 0 ? 'opened' : status}`, entity: `ticket:${id}`,
    state: {
      id, kind: 'report', category: 'cleaning', priority: n % 7 === 0 ? 'high' : 'normal', status, room: rooms[n % rooms.length], title: `Cleaning in room ${n % 60}`,
      description: 'Bins overflowing near the window', assignee, team: 'cleaning',
      dueAt: new Date(start + n * 1000 + 4 * 3600_000).toISOString(), createdAt: new Date(start + n * 1000).toISOString(), updatedAt: at, parent: null,
      history: [{ at, actor: assignee ? `user:${assignee}` : 'occupant', action: status, status, assignee }], rejections: [],
    },
  };
}

/** Streams a valid chain for `site` in pieces: each call continues where the last ended. */
export class LogGenerator {
  #head: ChainPoint;

  constructor(readonly site: string, from: ChainPoint = { seq: 0, hash: GENESIS_HASH }) {
    this.#head = from;
  }

  get head(): ChainPoint {
    return this.#head;
  }

  next(count: number): ShippedEvent[] {
    const events: ShippedEvent[] = [];
    let { seq, hash: prev } = this.#head;
    for (let i = 0; i < count; i++) {
      seq += 1;
      const b = body(seq);
      const row = { seq, site: this.site, at: b.at, actor: b.actor, type: b.type, entity: b.entity, state: JSON.stringify(b.state) };
      const hash = eventHash(prev, row);
      events.push({ seq, at: row.at, actor: row.actor, type: row.type, entity: row.entity, state: row.state, prevHash: prev, hash });
      prev = hash;
    }
    this.#head = { seq, hash: prev };
    return events;
  }
}
