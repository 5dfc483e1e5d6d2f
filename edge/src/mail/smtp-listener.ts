import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { ReplyAddresses } from './reply-address.ts';

export const MAIL_MAX_BYTES = 25 * 1024 * 1024;
export const MAIL_MAX_RECIPIENTS = 50;

export type RefusalReason = 'too-large' | 'too-many-recipients' | 'unknown-recipient' | 'failed';

export interface SmtpListenerOptions {
  host: string;
  port: number;
  addresses: ReplyAddresses;
  /** Takes one whole message in; a throw answers the sender with a temporary failure. */
  receive: (raw: Buffer, envelope: { from: string; to: string[] }) => Promise<unknown>;
  onAccepted: () => void;
  onRefused: (reason: RefusalReason) => void;
  maxBytes?: number;
  maxRecipients?: number;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The inbound SMTP listener: only the site's inquiry addresses, at most 25 MB (announced with
 * SIZE and counted while the data streams in, so a sender who ignores it is cut off at the cap
 * and answered 552), at most 50 recipients. No AUTH, no relaying: mail for anyone else is 550.
 */
export class SmtpListener {
  readonly #server: SMTPServer;
  #port = 0;
  /** RCPT commands per session's current mail: the envelope lists an address once, however often it was given. */
  readonly #rcptCount = new Map<string, number>();

  private constructor(private readonly o: SmtpListenerOptions) {
    const maxBytes = o.maxBytes ?? MAIL_MAX_BYTES;
    const maxRecipients = o.maxRecipients ?? MAIL_MAX_RECIPIENTS;
    this.#server = new SMTPServer({
      banner: 'Doorside inquiries', size: maxBytes, authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false, maxClients: 50, socketTimeout: 60_000, closeTimeout: 2_000,
      onClose: (session) => this.#rcptCount.delete(session.id),
      onMailFrom: (address, session, callback) => {
        this.#rcptCount.set(session.id, 0);
        const declared = Number((address.args as Record<string, string> | false | undefined || {}).SIZE ?? 0);
        if (declared > maxBytes) {
          o.onRefused('too-large');
          return callback(smtpError(552, `Message exceeds the maximum size of ${maxBytes} bytes`));
        }
        callback();
      },
      onRcptTo: (address, session, callback) => {
        const given = (this.#rcptCount.get(session.id) ?? 0) + 1;
        this.#rcptCount.set(session.id, given);
        if (given > maxRecipients) {
          o.onRefused('too-many-recipients');
          return callback(smtpError(452, `Too many recipients (at most ${maxRecipients})`));
        }
        if (o.addresses.read(address.address).kind === 'foreign') {
          o.onRefused('unknown-recipient');
          return callback(smtpError(550, 'No such mailbox here'));
        }
        callback();
      },
      onData: (stream, session, callback) => this.#data(stream, session, maxBytes, callback),
    });
    this.#server.on('error', () => { /* a broken client connection; the listener carries on */ });
  }

  static async start(options: SmtpListenerOptions): Promise<SmtpListener> {
    const listener = new SmtpListener(options);
    await new Promise<void>((resolve, reject) => {
      listener.#server.server.once('error', reject);
      listener.#server.listen(options.port, options.host, () => {
        listener.#server.server.off('error', reject);
        resolve();
      });
    });
    listener.#port = (listener.#server.server.address() as { port: number }).port;
    return listener;
  }

  get port(): number {
    return this.#port;
  }

  get address(): string {
    return `${this.o.host.includes(':') ? `[${this.o.host}]` : this.o.host}:${this.#port}`;
  }

  #data(stream: SMTPServerDataStream, session: SMTPServerSession, maxBytes: number, callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      // Past the cap the rest is read and dropped, never kept.
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
    });
    stream.on('error', (error) => callback(error));
    stream.on('end', () => {
      if (stream.sizeExceeded || bytes > maxBytes) {
        this.o.onRefused('too-large');
        return callback(smtpError(552, `Message exceeds the maximum size of ${maxBytes} bytes`));
      }
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      this.o.receive(Buffer.concat(chunks), envelope).then(() => {
        this.o.onAccepted();
        callback();
      }, () => {
        this.o.onRefused('failed');
        callback(smtpError(451, 'The message could not be stored; try again later'));
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
