import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { InboundOutcome, TakenIn } from './inbound-mail.ts';
import type { ImapKey, ImapTaken } from './imap-taken.sqlite.ts';

/** A mailbox to pull: `imaps://user:pass@host:993/INBOX` or `imap://…:143/INBOX`; no path: INBOX. */
export interface ImapSource { secure: boolean; host: string; port: number; user: string; pass: string; mailbox: string }

export function parseImapUrl(url: string): ImapSource {
  const u = new URL(url);
  if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw new Error('an imap:// or imaps:// URL');
  if (!u.username || !u.hostname) throw new Error('an IMAP URL names the user and the host: imaps://user:pass@host/INBOX');
  const secure = u.protocol === 'imaps:';
  const path = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, ''));
  return {
    secure, host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : secure ? 993 : 143,
    user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password), mailbox: path || 'INBOX',
  };
}

/** The URL as it may be shown: without the password. */
export function imapUrlForPeople(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

export interface ImapPullerOptions {
  source: ImapSource;
  taken: ImapTaken;
  /** The one intake (`InboundMail.receive`); `takenIn` is called inside its transaction. */
  receive: (raw: Buffer, envelope: { from: string; to: string[] }, takenIn: TakenIn) => Promise<InboundOutcome>;
  clock: () => string;
  /** How often the mailbox is searched besides IDLE, which can die silently. */
  recheckMs?: number;
  /** First and longest wait before reconnecting. */
  backoff?: { minMs: number; maxMs: number };
  /** Flag each message \Seen once it is taken in (never deleted). */
  flagSeen?: boolean;
  /** Off: no IDLE at all; only the re-check finds new mail. */
  idle?: boolean;
  onTaken: () => void;
  onFailure: () => void;
  say: (line: string) => void;
}

/**
 * Pulls one IMAP mailbox into the gateway: takes in what it has not taken yet, then waits
 * with IDLE and searches again every minute; reconnects with backoff when the connection
 * drops. A server that is down never stops the gateway: it is said once and counted.
 */
export class ImapPuller {
  #stopped = false;
  #client: ImapFlow | null = null;
  #wake: (() => void) | null = null;
  #loop: Promise<void> | null = null;
  #failing = false;
  #sweeping: Promise<void> = Promise.resolve();
  readonly #account: string;

  constructor(private readonly o: ImapPullerOptions) {
    const s = o.source;
    this.#account = `${s.user}@${s.host}:${s.port}/${s.mailbox}`;
  }

  start(): void {
    this.#loop ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#wake?.();
    this.#client?.close();
    await this.#loop;
  }

  async #run(): Promise<void> {
    const { minMs, maxMs } = this.o.backoff ?? { minMs: 1_000, maxMs: 60_000 };
    let delay = minMs;
    while (!this.#stopped) {
      try {
        await this.#session();
        delay = minMs;
      } catch (error) {
        if (this.#stopped) break;
        this.o.onFailure();
        if (!this.#failing) this.o.say(`mail: IMAP ${this.#account} unavailable (${oneLine(error)}); trying again with backoff`);
        this.#failing = true;
      }
      if (this.#stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.#wake = () => { clearTimeout(timer); resolve(); };
      });
      this.#wake = null;
      delay = Math.min(delay * 2, maxMs);
    }
  }

  /** One connection: sweep, then IDLE and re-check until it closes. Throws when it could not connect or a sweep failed. */
  async #session(): Promise<void> {
    const { source } = this.o;
    const client = new ImapFlow({
      host: source.host, port: source.port, secure: source.secure, auth: { user: source.user, pass: source.pass },
      // IDLE a second after the last command, so new mail is told at once (the library waits 15 s by default).
      logger: false, disableAutoIdle: this.o.idle === false, autoIdleDelay: 1_000, connectionTimeout: 20_000, greetingTimeout: 10_000,
    });
    this.#client = client;
    client.on('error', () => { /* a dropped connection also ends in 'close' */ });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    let timer: NodeJS.Timeout | undefined;
    let failed: unknown = null;
    try {
      if (this.#stopped) return;
      await client.connect();
      await client.mailboxOpen(source.mailbox);
      if (this.#failing) this.o.say(`mail: IMAP ${this.#account} reachable again`);
      this.#failing = false;
      const sweep = () => {
        this.#sweeping = this.#sweeping.then(() => this.#sweep(client)).catch((error) => {
          failed = error;
          client.close();
        });
        return this.#sweeping;
      };
      client.on('exists', () => void sweep());
      timer = setInterval(() => void sweep(), this.o.recheckMs ?? 60_000);
      await sweep();
      await closed;
      await this.#sweeping;
      if (failed && !this.#stopped) throw failed;
      if (!this.#stopped) throw new Error('the connection closed');
    } finally {
      clearInterval(timer);
      this.#client = null;
      client.close();
    }
  }

  /** Takes in every message of the mailbox not yet taken in, oldest first. */
  async #sweep(client: ImapFlow): Promise<void> {
    if (this.#stopped || !client.usable || typeof client.mailbox !== 'object') return;
    const uidvalidity = String(client.mailbox.uidValidity);
    const uids = await client.search({ all: true }, { uid: true });
    if (!uids) return;
    const known = this.o.taken.uids(this.#account, uidvalidity);
    for (const uid of uids.filter((u) => !known.has(u)).sort((a, b) => a - b)) {
      if (this.#stopped) return;
      const message = await client.fetchOne(String(uid), { source: true, envelope: true }, { uid: true });
      if (!message || !message.source) continue;
      const key: ImapKey = { mailbox: this.#account, uidvalidity, uid };
      const raw = message.source;
      const from = returnPath(raw) ?? message.envelope?.from?.[0]?.address ?? '';
      let outcome: InboundOutcome;
      try {
        outcome = await this.o.receive(raw, { from, to: [] }, (t) => { this.o.taken.record(key, t.sha256, t.ticket, t.outcome, t.at); });
      } catch (error) {
        // Nothing was written; the message is tried again at the next search, and the ones after it are not held up.
        this.o.onFailure();
        this.o.say(`mail: IMAP ${this.#account} message UID ${uid} could not be taken in (${oneLine(error)}); tried again later`);
        continue;
      }
      // The same bytes came before (another UIDVALIDITY, or by SMTP): nothing changed, so nothing to keep atomic with.
      if (outcome.outcome === 'duplicate') this.o.taken.record(key, createHash('sha256').update(raw).digest('hex'), null, 'duplicate', this.o.clock());
      else this.o.onTaken();
      if (this.o.flagSeen !== false) await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
    }
  }
}

/** The envelope sender a delivery agent wrote on top (`<>` for a bounce), if any. */
function returnPath(raw: Buffer): string | undefined {
  const head = raw.subarray(0, 64 * 1024).toString('latin1').split(/\r?\n\r?\n/)[0]!;
  const match = /^Return-Path:[ \t]*<([^<>]*)>/im.exec(head);
  return match ? match[1]!.trim() : undefined;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? (error as Error & { code?: string }).code ?? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 160);
}
