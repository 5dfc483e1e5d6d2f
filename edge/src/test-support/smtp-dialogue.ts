import { connect, type Socket } from 'node:net';

/** A raw SMTP conversation for tests: each call sends one line (or the data) and returns the server's whole reply. */
export class SmtpDialogue {
  #buffer = '';
  #waiting: ((reply: string) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      this.#flush();
    });
    socket.on('error', () => { /* the server may hang up after a refusal */ });
  }

  static async open(port: number): Promise<{ dialogue: SmtpDialogue; greeting: string }> {
    const socket = connect({ host: '127.0.0.1', port });
    const dialogue = new SmtpDialogue(socket);
    const greeting = await dialogue.#reply();
    return { dialogue, greeting };
  }

  /** A reply is complete at a line `NNN text` (not `NNN-`). */
  #flush(): void {
    const match = /(^|\r\n)\d{3} [^\r\n]*\r\n/.exec(this.#buffer);
    if (!match || !this.#waiting) return;
    const end = match.index + match[0].length;
    const reply = this.#buffer.slice(0, end);
    this.#buffer = this.#buffer.slice(end);
    const resolve = this.#waiting;
    this.#waiting = null;
    resolve(reply);
  }

  #reply(): Promise<string> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      this.#flush();
    });
  }

  send(line: string): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.#reply();
  }

  /** Streams the message (already dot-stuffed by the caller if needed) in pieces, then the end mark. */
  async data(message: Buffer | string, chunkBytes = 1024 * 1024): Promise<string> {
    const start = await this.send('DATA');
    if (!start.startsWith('354')) return start;
    const bytes = typeof message === 'string' ? Buffer.from(message, 'latin1') : message;
    for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
      if (!this.socket.write(bytes.subarray(offset, offset + chunkBytes))) await new Promise((r) => this.socket.once('drain', r));
    }
    this.socket.write('\r\n.\r\n');
    return this.#reply();
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Sends one raw message from `from` to `to` and returns the final reply. */
export async function sendRaw(port: number, from: string, to: string[], message: string | Buffer): Promise<{ rcpt: string[]; data: string }> {
  const { dialogue } = await SmtpDialogue.open(port);
  await dialogue.send('EHLO tests.example');
  await dialogue.send(`MAIL FROM:<${from}>`);
  const rcpt: string[] = [];
  for (const address of to) rcpt.push(await dialogue.send(`RCPT TO:<${address}>`));
  const data = rcpt.some((r) => r.startsWith('250')) ? await dialogue.data(message) : 'no recipient';
  dialogue.close();
  return { rcpt, data };
}
