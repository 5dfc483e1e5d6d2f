import type { Ticket } from '../contracts/index.ts';
import type { MailRows } from './mail-rows.sqlite.ts';

/**
 * A reporter whose mail bounced for good is flagged on every read of their ticket (lists,
 * the ticket, the staff queue), so nobody waits on an answer by mail. `source` is the stored
 * ticket, `read` what the viewer is shown of it.
 */
export const mailFlagOn = (rows: MailRows) => (source: Ticket, read: Ticket): Ticket =>
  (source.reporter.contact && rows.isUndeliverable(source.reporter.contact) ? { ...read, contactUndeliverable: true } : read);
