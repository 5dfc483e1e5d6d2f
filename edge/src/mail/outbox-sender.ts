import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../data-folder.ts';
import type { MailRows, OutboxRow } from './mail-rows.sqlite.ts';
import type { OutgoingMail } from './outgoing-mail.ts';

/** Waits between tries of one mail: a minute, doubling, at most six hours. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts), 6 * 3_600_000);
}

const messageOptions = (mail: OutgoingMail) => ({
  messageId: mail.messageId,
  from: { name: mail.fromName, address: mail.from },
  to: mail.to,
  replyTo: mail.replyTo,
  subject: mail.subject,
  ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
  ...(mail.references.length > 0 ? { references: mail.references } : {}),
  headers: { 'Auto-Submitted': mail.autoSubmitted, 'X-Loop': mail.xLoop, 'Content-Language': mail.language },
  text: mail.text,
  html: mail.html,
});

/**
 * Sends what the outbox holds, after the commit that queued it: by `DOORSIDE_SMTP_URL`, or,
 * without one, as `.eml` files in `{data}/outbox/`. A row is claimed before each try and marked
 * sent once the transport took it; its Message-ID is fixed in the row, so a retry is the same mail.
 */
export class OutboxSender {
  readonly #transport: Transporter | null;
  readonly #builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  #running: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly rows: MailRows, private readonly o: { smtpUrl?: string; dir: string; clock: () => string; onSent?: (how: 'smtp' | 'file') => void; onFailed?: () => void }) {
    this.#transport = o.smtpUrl ? nodemailer.createTransport(o.smtpUrl) : null;
    if (!this.#transport) mkdirSync(o.dir, { recursive: true, mode: PRIVATE_FOLDER });
  }

  get target(): string {
    return this.#transport ? 'smtp' : this.o.dir;
  }

  /** Sends what is due now; a call while sending runs once more after it. */
  kick(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        void this.kick();
      }
    });
    return this.#running;
  }

  /** Retries on a timer (every 30 s) what failed before. */
  start(everyMs = 30_000): void {
    this.#timer = setInterval(() => void this.kick(), everyMs);
    this.#timer.unref();
    void this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
    this.#transport?.close();
  }

  async #drain(): Promise<void> {
    for (;;) {
      const now = this.o.clock();
      const due = this.rows.due(now);
      if (due.length === 0) return;
      for (const row of due) await this.#send(row);
    }
  }

  async #send(row: OutboxRow): Promise<void> {
    const now = Date.parse(this.o.clock());
    // Claimed first: should the process die mid-send, the row waits its backoff instead of going out at once twice.
    if (!this.rows.claim(row.id, new Date(now + backoffMs(row.attempts)).toISOString())) return;
    try {
      if (this.#transport) {
        await this.#transport.sendMail(messageOptions(row.mail));
      } else {
        const built = await this.#builder.sendMail(messageOptions(row.mail));
        const name = `${row.id.toString().padStart(8, '0')}-${row.messageId.replace(/[^A-Za-z0-9.@_-]/g, '')}.eml`;
        writeFileSync(join(this.o.dir, name), built.message as Buffer, { mode: PRIVATE_FILE });
      }
      this.rows.markSent(row.id, this.o.clock());
      this.o.onSent?.(this.#transport ? 'smtp' : 'file');
    } catch (error) {
      this.rows.failed(row.id, (error as Error).message, new Date(now + backoffMs(row.attempts)).toISOString());
      this.o.onFailed?.();
    }
  }
}
