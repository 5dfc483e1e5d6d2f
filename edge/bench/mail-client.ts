import { connect, type Socket } from 'node:net';
import { buildMail, type BuiltMail, shapeOf } from './mail-messages.ts';
import { type LatencySummary, summarize } from './stats.ts';

/**
 * The inbound mail bench's sender, run as its own child process: `connections` SMTP sessions
 * in parallel, each sending mail after mail (MAIL FROM, RCPT TO, DATA) over one connection,
 * closed loop. Every mail is built and dot-stuffed before the clock starts (once per child,
 * so the bare server and the gateway get the same bytes). Timed per mail: from writing the
 * end-of-data mark to the server's final reply.
 */
export interface MailJob { host: string; port: number; to: string; count: number; connections: number }

export interface MailResult {
  sent: number;
  accepted: number;
  refused: Record<string, number>;
  seconds: number;
  perSecond: number;
  dataToReply: LatencySummary;
  rawBytes: number;
  attachments: number;
  attachmentBytes: number;
  shapes: Record<string, number>;
  buildSeconds: number;
}

type Ready = Omit<BuiltMail, 'raw'> & { size: number; stuffed: Buffer };
let built: { key: string; mails: Ready[] } | null = null;

/** Builds the job's mails, or returns those built for the same job before. */
async function prebuilt(job: MailJob): Promise<Ready[]> {
  const key = `${job.count}:${job.to}`;
  if (built?.key !== key) {
    built = null;
    const mails: Ready[] = [];
    for (let i = 0; i < job.count; i++) {
      const { raw, ...mail } = await buildMail(i, job.to);
      mails.push({ ...mail, size: raw.length, stuffed: Buffer.from(raw.toString('latin1').replace(/(^|\r\n)\./g, '$1..'), 'latin1') });
    }
    built = { key, mails };
  }
  return built.mails;
}

class Session {
  #buffer = '';
  #waiting: ((reply: string) => void) | null = null;
  readonly #socket: Socket;

  constructor(host: string, port: number) {
    this.#socket = connect({ host, port });
    this.#socket.setNoDelay(true);
    this.#socket.setEncoding('latin1');
    this.#socket.on('data', (chunk: string) => { this.#buffer += chunk; this.#flush(); });
    this.#socket.on('error', (error) => { this.#waiting?.(`000 ${error.message}\r\n`); this.#waiting = null; });
  }

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

  reply(): Promise<string> {
    return new Promise((resolve) => { this.#waiting = resolve; this.#flush(); });
  }

  command(line: string): Promise<string> {
    this.#socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** Sends the message (already dot-stuffed) and returns the final reply and the time from the end mark to it. */
  async data(stuffed: Buffer): Promise<{ reply: string; ms: number }> {
    const start = await this.command('DATA');
    if (!start.startsWith('354')) return { reply: start, ms: 0 };
    const tail = stuffed.subarray(stuffed.length - 2).toString('latin1') === '\r\n' ? '.\r\n' : '\r\n.\r\n';
    if (!this.#socket.write(stuffed)) await new Promise((resolve) => this.#socket.once('drain', resolve));
    const answered = this.reply();
    const t0 = performance.now();
    this.#socket.write(tail);
    const reply = await answered;
    return { reply, ms: performance.now() - t0 };
  }

  async quit(): Promise<void> {
    await this.command('QUIT').catch(() => '');
    this.#socket.destroy();
  }
}

export async function sendMails(job: MailJob): Promise<MailResult> {
  const dataToReply: number[] = [];
  const refused: Record<string, number> = {};
  const shapes: Record<string, number> = {};
  let next = 0;
  let accepted = 0;
  let rawBytes = 0;
  let attachments = 0;
  let attachmentBytes = 0;
  const b0 = performance.now();
  const mails = await prebuilt(job);
  const buildSeconds = (performance.now() - b0) / 1000;

  const sessions = await Promise.all(Array.from({ length: job.connections }, async () => {
    const session = new Session(job.host, job.port);
    const greeting = await session.reply();
    if (!greeting.startsWith('220')) throw new Error(`SMTP greeting: ${greeting.trim()}`);
    const ehlo = await session.command('EHLO client.example.net');
    if (!ehlo.startsWith('250')) throw new Error(`EHLO: ${ehlo.trim()}`);
    return session;
  }));

  const t0 = performance.now();
  await Promise.all(sessions.map(async (session) => {
    while (next < mails.length) {
      const mail = mails[next++]!;
      const mailFrom = await session.command(`MAIL FROM:<${mail.from}> SIZE=${mail.size}`);
      const rcpt = mailFrom.startsWith('250') ? await session.command(`RCPT TO:<${job.to}>`) : mailFrom;
      const result = rcpt.startsWith('250') ? await session.data(mail.stuffed) : { reply: rcpt, ms: 0 };
      if (result.reply.startsWith('250')) {
        accepted++;
        dataToReply.push(result.ms);
        rawBytes += mail.size;
        attachments += mail.attachments;
        attachmentBytes += mail.attachmentBytes;
      } else {
        const code = result.reply.slice(0, 3);
        refused[code] = (refused[code] ?? 0) + 1;
        await session.command('RSET');
      }
    }
    await session.quit();
  }));
  const seconds = (performance.now() - t0) / 1000;
  for (let i = 0; i < job.count; i++) shapes[shapeOf(i)] = (shapes[shapeOf(i)] ?? 0) + 1;
  return {
    sent: job.count, accepted, refused, seconds, perSecond: accepted / seconds, dataToReply: summarize(dataToReply),
    rawBytes, attachments, attachmentBytes, shapes, buildSeconds,
  };
}

// Run as a child process: jobs arrive over IPC and are answered one by one.
if (process.send) {
  process.on('message', (message: { seq: number; job: MailJob }) => {
    sendMails(message.job).then(
      (result) => process.send!({ seq: message.seq, result }),
      (error: unknown) => process.send!({ seq: message.seq, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
