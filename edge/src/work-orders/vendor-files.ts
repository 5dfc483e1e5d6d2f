import type { Attachment } from '../contracts/index.ts';
import { DocumentStore } from '../attachments/document-store.ts';
import type { PhotoStore } from '../attachments/photo-store.ts';
import type { Upload } from '../attachments/photo-uploads.ts';
import { DomainError, Invalid } from '../domain-error.ts';

/** Where a vendor's files are kept: photos re-encoded, PDFs as they are. */
export interface VendorFileStores { photos: PhotoStore; documents: DocumentStore }

const accepted = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'];

/**
 * Stores a vendor's files by their bytes, whether they came in the site's own upload or inside
 * a command from the central server: a PDF as a document, anything else must decode as a
 * photo. One that is neither refuses them all, and nothing of them stays.
 */
export async function storeVendorFiles({ photos, documents }: VendorFileStores, files: readonly Upload[], by: string, at: string): Promise<Attachment[]> {
  const added: Attachment[] = [];
  try {
    for (const file of files) {
      if (DocumentStore.isPdf(file.buffer)) added.push(documents.ingest(file.buffer, by, at, file.filename));
      else added.push(await photos.ingest(file.buffer, by, at, file.filename).catch((error: unknown) => {
        throw error instanceof DomainError && error.code === 'BAD_PHOTO' ? new Invalid('BAD_FILE', 'a file must be a photo (JPEG, PNG, WebP, HEIC) or a PDF', { accepted }) : error;
      }));
    }
  } catch (error) {
    discardVendorFiles({ photos, documents }, added);
    throw error;
  }
  return added;
}

/** Removes files stored for a step that did not happen. */
export function discardVendorFiles({ photos, documents }: VendorFileStores, files: readonly Attachment[]): void {
  photos.remove(files.filter((f) => f.type !== DocumentStore.media.type).map((f) => f.id));
  documents.remove(files.filter((f) => f.type === DocumentStore.media.type).map((f) => f.id));
}
