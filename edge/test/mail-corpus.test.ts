import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../src/test-support/test-gateway.ts';
import { sendRaw } from '../src/test-support/smtp-dialogue.ts';
import { firstMail, followUp, generateCorpus, type CorpusThread, type RawMail, type ThreadContext } from './support/mail-corpus.ts';

const DOMAIN = 'corpus.example.org';
const INBOX = `inquiries@${DOMAIN}`;
const THREADS = 210;
const LANES = 8;
let gw: TestGateway;
let port: number;

beforeAll(async () => {
  gw = await startTestGateway({ mail: { smtpPort: 0, domain: DOMAIN } });
  port = Number(gw.mail.smtp!.split(':').at(-1));
});
afterAll(async () => gw?.stop());

const allTickets = () => gw.store.tickets.list({ limit: 100_000 });

async function send(mail: RawMail): Promise<void> {
  const { data } = await sendRaw(port, mail.from, mail.to, mail.raw);
  if (!data.startsWith('250')) throw new Error(`refused: ${data}`);
}

/** The acknowledgement the gateway wrote for a ticket: from the outbox folder's `.eml` or from the mail rows. */
async function context(thread: CorpusThread): Promise<ThreadContext> {
  const ticket = gw.mail.rows.ticketsOf(thread.firstMessageId).map((id) => gw.store.tickets.get(id)!).find((t) => t.title.includes(`(${thread.marker})`));
  if (!ticket) throw new Error(`no ticket opened for ${thread.marker}`);
  const prefix = `<${ticket.id.toLowerCase()}.`;
  if (thread.n % 2 === 0) {
    await gw.mail.sender.kick();
    const dir = join(gw.dir, 'outbox');
    const file = readdirSync(dir).find((f) => f.includes(`-${ticket.id.toLowerCase()}.`));
    if (!file) throw new Error(`no acknowledgement file for ${ticket.id}`);
    const eml = readFileSync(join(dir, file), 'utf8');
    const ackMessageId = /^Message-ID:\s*(<[^>]+>)/im.exec(eml)![1]!;
    const replyAddress = /^Reply-To:\s*<?([^\s>]+)>?/im.exec(eml)![1]!;
    return { ticket: ticket.id, replyAddress, ackMessageId, inbox: INBOX };
  }
  const ackMessageId = gw.mail.rows.thread(ticket.id).find((id) => id.startsWith(prefix));
  if (!ackMessageId) throw new Error(`no acknowledgement row for ${ticket.id}`);
  return { ticket: ticket.id, replyAddress: gw.mail.addresses.replyTo(ticket.id), ackMessageId, inbox: INBOX };
}

describe('mail corpus', () => {
  it('keeps every follow-up of 200+ threads from real mail clients on its ticket', async () => {
    const corpus = generateCorpus(THREADS);
    const before = new Set(allTickets().map((t) => t.id));
    const expected = new Map<string, number>();
    const started = Date.now();

    const lane = async (k: number) => {
      for (const thread of corpus.filter((t) => t.n % LANES === k)) {
        await send(firstMail(thread, INBOX));
        const ctx = await context(thread);
        expected.set(thread.marker, Number(ctx.ticket.slice(2)));
        for (let i = 0; i < thread.followUps.length; i++) await send(followUp(thread, i, ctx));
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, k) => lane(k)));

    const opened = allTickets().filter((t) => !before.has(t.id));
    const misplaced: string[] = [];
    for (const thread of corpus) {
      const home = `T-${expected.get(thread.marker)}`;
      for (const fu of thread.followUps) {
        const holders = opened.filter((t) => t.notes.some((n) => n.text.includes(fu.marker)) || t.description.includes(fu.marker)).map((t) => t.id);
        if (holders.length !== 1 || holders[0] !== home) misplaced.push(`${fu.marker} (${thread.client}, ${fu.way}) on ${holders.join(',') || 'nothing'}, not ${home}`);
      }
    }
    const followUps = corpus.reduce((n, t) => n + t.followUps.length, 0);

    expect(misplaced).toEqual([]);
    expect(opened).toHaveLength(corpus.length);
    expect(new Set(expected.values()).size).toBe(corpus.length);
    expect(followUps).toBeGreaterThanOrEqual(corpus.length);
    // About 45 s on a busy two-core machine; the bound only catches a run gone slow.
    expect(Date.now() - started).toBeLessThan(90_000);
  }, 120_000);
});
