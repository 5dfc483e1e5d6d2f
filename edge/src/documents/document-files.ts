import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { DocumentFile } from '../contracts/index.ts';
import { DocumentStore } from '../attachments/document-store.ts';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Stores an uploaded PDF (refused by its bytes when it is not one) and says what it is, with its SHA-256. */
export function storeDocumentFile(library: DocumentStore, bytes: Buffer, by: string, at: string, name: string): DocumentFile {
  const stored = library.ingest(bytes, by, at, name);
  return { id: stored.id, name: stored.name, type: DocumentStore.media.type, size: stored.size, sha256: sha256Of(bytes) };
}

export type FileProblem = 'missing' | 'changed';

/**
 * The stored file's bytes, if they are the ones whose digest the audit log holds. What is
 * checked is what is then sent: the file is read once, into memory.
 */
export function readChecked(library: DocumentStore, fileId: string, recorded: string | null): { bytes: Buffer; problem: null } | { bytes: null; problem: FileProblem } {
  const path = library.path(fileId);
  if (!existsSync(path)) return { bytes: null, problem: 'missing' };
  const bytes = readFileSync(path);
  return recorded !== null && sha256Of(bytes) === recorded ? { bytes, problem: null } : { bytes: null, problem: 'changed' };
}
