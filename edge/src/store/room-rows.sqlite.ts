import type { Room } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';

interface RoomRow { doc: string; alt: string | null }

/** The room with its alternative as the other room's row says now; the doc never keeps a copy. */
function roomOf(row: RoomRow): Room {
  const room: Room = JSON.parse(row.doc);
  delete room.alternative;
  if (!row.alt) return room;
  const other: Room = JSON.parse(row.alt);
  return { ...room, alternative: { id: other.id, name: other.name, ...(other.names ? { names: other.names } : {}), floor: other.floor } };
}

const withAlternative = 'SELECT r.doc, a.doc AS alt FROM rooms r LEFT JOIN rooms a ON a.id = r.alternative';

/** Rooms as rows: the status column for queries, the whole room as JSON, the alternative as a reference. */
export class RoomRows {
  readonly #get;
  readonly #all;
  readonly #byQr;
  readonly #put;
  readonly #insert;
  readonly #qr;
  readonly #retire;
  readonly #setQr;
  readonly #retired;
  readonly #setAlternative;

  constructor(db: Db) {
    this.#get = db.prepare<[string], RoomRow>(`${withAlternative} WHERE r.id = ?`);
    this.#all = db.prepare<[], RoomRow>(`${withAlternative} ORDER BY r.floor, r.id`);
    this.#byQr = db.prepare<[string], RoomRow>(`${withAlternative} WHERE r.qr_secret = ?`);
    this.#qr = db.prepare<[string], { qr_secret: string }>('SELECT qr_secret FROM rooms WHERE id = ?');
    this.#retire = db.prepare('INSERT INTO retired_qr_codes (secret, room, retired_at) SELECT qr_secret, ?, ? FROM rooms WHERE id = ?');
    this.#setQr = db.prepare('UPDATE rooms SET qr_secret = ? WHERE id = ?');
    this.#retired = db.prepare<[string], { room: string }>('SELECT room FROM retired_qr_codes WHERE secret = ?');
    this.#put = db.prepare('UPDATE rooms SET status = @status, doc = @doc WHERE id = @id');
    this.#insert = db.prepare('INSERT INTO rooms (id, floor, qr_secret, status, doc) VALUES (@id, @floor, @qr, @status, @doc)');
    this.#setAlternative = db.prepare('UPDATE rooms SET alternative = ? WHERE id = ?');
  }

  get(id: string): Room | undefined {
    const row = this.#get.get(id);
    return row && roomOf(row);
  }

  all(): Room[] {
    return this.#all.all().map(roomOf);
  }

  byQrSecret(secret: string): Room | undefined {
    const row = this.#byQr.get(secret);
    return row && roomOf(row);
  }

  qrSecret(id: string): string | undefined {
    return this.#qr.get(id)?.qr_secret;
  }

  insert(room: Room, qrSecret: string): void {
    this.#insert.run({ id: room.id, floor: room.floor, qr: qrSecret, status: room.status, doc: docOf(room) });
  }

  /** A new sticker code for a room; the old one is kept only to say it was replaced. */
  replaceQrSecret(id: string, secret: string, at: string): void {
    this.#retire.run(id, at, id);
    this.#setQr.run(secret, id);
  }

  /** The room a replaced code used to open. */
  retiredQr(secret: string): string | undefined {
    return this.#retired.get(secret)?.room;
  }

  put(room: Room): void {
    this.#put.run({ id: room.id, status: room.status, doc: docOf(room) });
  }

  /** The room to use instead of `id` while it is out of use, or none. */
  setAlternative(id: string, alternative: string | null): void {
    this.#setAlternative.run(alternative, id);
  }
}

function docOf(room: Room): string {
  const { alternative: _kept, ...doc } = room;
  return JSON.stringify(doc);
}
