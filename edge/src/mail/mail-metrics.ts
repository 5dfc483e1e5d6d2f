import { Counter, type Registry } from 'prom-client';
import type { RefusalReason } from './smtp-listener.ts';

/** Mail taken in but made safe first: unreadable structure, control characters in a header, active HTML, an archive kept unopened. */
export const DEFUSED = ['broken-mime', 'control-characters', 'active-html', 'archive'] as const;
export type Defused = (typeof DEFUSED)[number];

const refusals: readonly RefusalReason[] = ['too-large', 'too-many-recipients', 'unknown-recipient', 'failed'];

export interface MailMetrics {
  accepted: () => void;
  refused: (reason: RefusalReason) => void;
  sent: (how: 'smtp' | 'file') => void;
  sendFailed: () => void;
  defused: (what: Defused) => void;
  /** A connection to the IMAP mailbox that failed or dropped. */
  imapFailed: () => void;
}

/** `/metrics` counters for mail taken in or refused (by reason) and mail sent. */
export function mailMetrics(registry: Registry): MailMetrics {
  const received = new Counter({
    name: 'doorside_mail_received_total', help: 'Inbound mails accepted, or refused by reason', labelNames: ['outcome', 'reason'] as const, registers: [registry],
  });
  received.inc({ outcome: 'accepted', reason: '' }, 0);
  for (const reason of refusals) received.inc({ outcome: 'refused', reason }, 0);
  const sent = new Counter({ name: 'doorside_mail_sent_total', help: 'Outgoing mails handed to the relay or written to the outbox folder', labelNames: ['via'] as const, registers: [registry] });
  const failed = new Counter({ name: 'doorside_mail_send_failures_total', help: 'Tries to send an outgoing mail that failed (it is tried again later)', registers: [registry] });
  const defused = new Counter({ name: 'doorside_mail_defused_total', help: 'Inbound mails taken in after making them safe, by what was found', labelNames: ['what'] as const, registers: [registry] });
  for (const what of DEFUSED) defused.inc({ what }, 0);
  const imap = new Counter({ name: 'doorside_mail_imap_failures_total', help: 'Connections to the IMAP mailbox that failed or dropped, and messages from it that could not be taken in (each tried again)', registers: [registry] });
  imap.inc(0);
  return {
    defused: (what) => defused.inc({ what }),
    imapFailed: () => imap.inc(),
    accepted: () => received.inc({ outcome: 'accepted', reason: '' }),
    refused: (reason) => received.inc({ outcome: 'refused', reason }),
    sent: (via) => sent.inc({ via }),
    sendFailed: () => failed.inc(),
  };
}
