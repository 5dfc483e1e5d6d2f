import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TestGateway } from './test-gateway.ts';

/** The outbox's `.eml` file names, oldest first (they sort by their queue number). */
export const outboxFiles = (gw: TestGateway): string[] => readdirSync(join(gw.dir, 'outbox')).filter((f) => f.endsWith('.eml')).sort();

/** Every mail in the outbox, parsed, after the sender has written out what was queued. */
export async function sentMails(gw: TestGateway): Promise<ParsedMail[]> {
  await gw.mail.sender.kick();
  return Promise.all(outboxFiles(gw).map((f) => simpleParser(readFileSync(join(gw.dir, 'outbox', f)))));
}
