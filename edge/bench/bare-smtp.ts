import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';

export interface BareSmtp { port: number; rows(): number; bytes(): number; close(): Promise<void> }

/**
 * The inbound mail bench's baseline: smtp-server with the gateway listener's settings that
 * receives a message and writes it raw to one SQLite row (WAL + synchronous=FULL, one fsync
 * per mail), then answers 250. No parsing, no files, no ticket.
 */
export async function startBareSmtp(): Promise<BareSmtp> {
  const dir = mkdtempSync(join(tmpdir(), 'doorside-bench-bare-smtp-'));
  const db = new Database(join(dir, 'bare-mail.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE mails (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, sender TEXT NOT NULL, raw BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO mails (at, sender, raw) VALUES (?, ?, ?)');
  const server = new SMTPServer({
    banner: 'bare', size: 25 * 1024 * 1024, authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false, maxClients: 50, socketTimeout: 60_000, closeTimeout: 2_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        try {
          insert.run(new Date().toISOString(), session.envelope.mailFrom ? session.envelope.mailFrom.address : '', Buffer.concat(chunks));
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  server.on('error', () => { /* a broken client connection */ });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    rows: () => (db.prepare('SELECT count(*) AS n FROM mails').get() as { n: number }).n,
    bytes: () => (db.prepare('SELECT coalesce(sum(length(raw)), 0) AS n FROM mails').get() as { n: number }).n,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
