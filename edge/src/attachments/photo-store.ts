import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Attachment } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';
import { newToken } from '../auth/token.ts';
import { PRIVATE_FILE, PRIVATE_FOLDER } from '../data-folder.ts';

const accepted = new Set(['jpeg', 'png', 'webp', 'heif']);

/**
 * Photos from phones and tablets. Each is decoded, turned upright, shrunk to at most
 * 2048 px and re-encoded as JPEG, which drops EXIF (GPS position included). Files live
 * in the data dir; the ticket keeps only their ids.
 */
export class PhotoStore {
  /** What every stored photo is, whatever the sender called it: the store re-encodes them all. */
  static readonly media = { type: 'image/jpeg', extension: 'jpg' } as const;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  }

  async ingest(input: Buffer, by: string, at: string, name = 'photo.jpg'): Promise<Attachment> {
    let format: string | undefined;
    let output: Buffer;
    try {
      const image = sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' });
      format = (await image.metadata()).format;
      if (!format || !accepted.has(format)) throw new Error(`unsupported ${format ?? 'format'}`);
      output = await image.rotate().resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
    } catch {
      throw new Invalid('BAD_PHOTO', 'a photo must be a JPEG, PNG, WebP or HEIC image', { accepted: [...accepted] });
    }
    const id = `A-${newToken(12)}`;
    try {
      writeFileSync(this.path(id), output, { mode: PRIVATE_FILE });
    } catch (error) {
      // A full disk can leave part of the file: take it away, so nothing half-written stays.
      rmSync(this.path(id), { force: true });
      throw error;
    }
    return { id, name: name.slice(0, 200), type: PhotoStore.media.type, size: output.length, at, by };
  }

  path(id: string): string {
    return join(this.dir, `${id}.${PhotoStore.media.extension}`);
  }

  remove(ids: string[]): void {
    for (const id of ids) rmSync(this.path(id), { force: true });
  }
}
