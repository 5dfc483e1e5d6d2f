import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attachment } from '../contracts/index.ts';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../data-folder.ts';

/**
 * Files that came by mail, kept byte for byte (the photo store re-encodes images and takes
 * nothing else). A file is named by its SHA-256, so the same file sent twice is kept once.
 */
export class MailAttachmentStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  }

  keep(content: Buffer, name: string, type: string, by: string, at: string): Attachment {
    const digest = createHash('sha256').update(content).digest('hex');
    const id = `M-${digest.slice(0, 40)}`;
    try {
      writeFileSync(this.path(id), content, { mode: PRIVATE_FILE });
    } catch (error) {
      rmSync(this.path(id), { force: true });
      throw error;
    }
    return { id, name: name.slice(0, 200) || 'attachment', type: type.slice(0, 100), size: content.length, at, by: by.slice(0, 80) };
  }

  path(id: string): string {
    if (!/^M-[0-9a-f]{40}$/.test(id)) throw new Error(`not a mail attachment id: ${id}`);
    return join(this.dir, `${id}.bin`);
  }

  read(id: string): Buffer {
    return readFileSync(this.path(id));
  }
}
