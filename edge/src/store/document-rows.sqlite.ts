import type { SiteDocument } from '../contracts/index.ts';
import type { Db } from './database.sqlite.ts';
import { statementCache } from './statements.ts';

/** Documents by id, the newest upload first, each with the audit event its upload was recorded by. */
export class DocumentRows {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = statementCache(db);
  }

  get(id: string): SiteDocument | undefined {
    const row = this.#sql('SELECT doc FROM documents WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as SiteDocument);
  }

  /** Newest upload first. */
  list(limit = 2000): SiteDocument[] {
    return (this.#sql('SELECT doc FROM documents ORDER BY uploaded_at DESC, id LIMIT ?').all(limit) as { doc: string }[])
      .map((r) => JSON.parse(r.doc) as SiteDocument);
  }

  /** The upload's event number is kept from the first write on; later changes (a withdrawal) keep it. */
  put(document: SiteDocument, uploadSeq: number | null): void {
    this.#sql(`INSERT INTO documents (id, status, uploaded_at, upload_seq, doc) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc`)
      .run(document.id, document.status, document.uploadedAt, uploadSeq ?? 0, JSON.stringify(document));
  }

  /**
   * The SHA-256 the audit log holds for the document's file: read from its upload event, which
   * the hash chain protects, not from the row beside it, which a swap could have edited too.
   */
  recordedDigest(id: string): string | null {
    const row = this.#sql(`SELECT json_extract(e.state, '$.file.sha256') AS sha256 FROM documents d
      JOIN events e ON e.seq = d.upload_seq AND e.type = 'document-uploaded' AND e.entity = 'document:' || d.id WHERE d.id = ?`).get(id) as { sha256: string | null } | undefined;
    return row?.sha256 ?? null;
  }
}
