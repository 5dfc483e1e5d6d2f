import type { LoggedEvent } from '../contracts/index.ts';
import type { CsvColumn } from './csv-document.ts';

/** One row per event, with its hashes, so a copy can be checked against the chain later. */
export const auditColumns: CsvColumn<LoggedEvent>[] = [
  { header: 'seq', value: (e) => e.seq },
  { header: 'at', value: (e) => e.at },
  { header: 'actor', value: (e) => e.actor },
  { header: 'type', value: (e) => e.type },
  { header: 'entity', value: (e) => e.entity },
  { header: 'state', value: (e) => JSON.stringify(e.state) },
  { header: 'prev_hash', value: (e) => e.prevHash },
  { header: 'hash', value: (e) => e.hash },
];
