import type { Room } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';

/** Rooms as rows: the status column for queries, the whole room as JSON. */
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

  constructor(db: Db) {
    this.#get = db.prepare<[string], { doc: string }>('SELECT doc FROM rooms WHERE id = ?');
    this.#all = db.prepare<[], { doc: string }>('SELECT doc FROM rooms ORDER BY floor, id');
    this.#byQr = db.prepare<[string], { doc: string }>('SELECT doc FROM rooms WHERE qr_secret = ?');
    this.#qr = db.prepare<[string], { qr_secret: string }>('SELECT qr_secret FROM rooms WHERE id = ?');
    this.#retire = db.prepare('INSERT INTO retired_qr_codes (secret, room, retired_at) SELECT qr_secret, ?, ? FROM rooms WHERE id = ?');
    this.#setQr = db.prepare('UPDATE rooms SET qr_secret = ? WHERE id = ?');
    this.#retired = db.prepare<[string], { room: string }>('SELECT room FROM retired_qr_codes WHERE secret = ?');
    this.#put = db.prepare('UPDATE rooms SET status = @status, doc = @doc WHERE id = @id');
    this.#insert = db.prepare('INSERT INTO rooms (id, floor, qr_secret, status, doc) VALUES (@id, @floor, @qr, @status, @doc)');
  }

  get(id: string): Room | undefined {
    const row = this.#get.get(id);
    return row && JSON.parse(row.doc);
  }

  all(): Room[] {
    return this.#all.all().map((row) => JSON.parse(row.doc));
  }

  byQrSecret(secret: string): Room | undefined {
    const row = this.#byQr.get(secret);
    return row && JSON.parse(row.doc);
  }

  qrSecret(id: string): string | undefined {
    return this.#qr.get(id)?.qr_secret;
  }

  insert(room: Room, qrSecret: string): void {
    this.#insert.run({ id: room.id, floor: room.floor, qr: qrSecret, status: room.status, doc: JSON.stringify(room) });
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
    this.#put.run({ id: room.id, status: room.status, doc: JSON.stringify(room) });
  }
}
