import Database from 'better-sqlite3';
import type { VerifyResult } from '../contracts/index.ts';
import { type ChainRow, verifyChain } from './hash-chain.ts';
import { Directory } from './directory.sqlite.ts';

/**
 * A site database opened read-only and never migrated, for command-line tools that may
 * run beside a live gateway or on a copy: the chain's check, the device directory.
 */
export class ReadOnlySite {
  readonly #db: Database.Database;

  constructor(file: string) {
    this.#db = new Database(file, { readonly: true, fileMustExist: true });
  }

  verifyLog(): VerifyResult {
    return verifyChain(this.#db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<ChainRow>);
  }

  directory(): Directory {
    return new Directory(this.#db);
  }

  close(): void {
    this.#db.close();
  }
}
