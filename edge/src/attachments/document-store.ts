import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attachment } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import { newToken } from '../auth/token.ts';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../data-folder.ts';

/** What a PDF's bytes begin with, whatever the sender called the file. */
const PDF_MAGIC = Buffer.from('%PDF-');

/**
 * PDF documents (a vendor's quote or invoice). Judged by their bytes, not their name or the
 * type the sender claimed: a file that does not begin as a PDF is refused. Stored under an id
 * of the gateway's choosing in the data dir; the work order keeps only the id.
 */
export class DocumentStore {
  static readonly media = { type: 'application/pdf', extension: 'pdf' } as const;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  }

  static isPdf(input: Buffer): boolean {
    return input.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
  }

  ingest(input: Buffer, by: string, at: string, name = 'document.pdf'): Attachment {
    if (!DocumentStore.isPdf(input)) throw new Invalid('BAD_FILE', 'a document must be a PDF', { accepted: ['application/pdf'] });
    const id = `A-${newToken(12)}`;
    try {
      writeFileSync(this.path(id), input, { mode: PRIVATE_FILE });
    } catch (error) {
      rmSync(this.path(id), { force: true });
      throw error;
    }
    return { id, name: name.slice(0, 200), type: DocumentStore.media.type, size: input.length, at, by };
  }

  path(id: string): string {
    return join(this.dir, `${id}.${DocumentStore.media.extension}`);
  }

  remove(ids: string[]): void {
    for (const id of ids) rmSync(this.path(id), { force: true });
  }
}
