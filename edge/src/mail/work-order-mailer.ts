import { createHash } from 'node:crypto';
import type { WithinCommand } from '../commands/handler.ts';
import type { Change, WorkOrder } from '../contracts/index.ts';
import type { PublicAddress } from '../http/public-address.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { MailRows } from './mail-rows.sqlite.ts';
import { MAIL_WORDS, type MailLanguage } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';
import { RESPONSIBLE_MAIL_WORDS, VENDOR_MAIL_WORDS, VENDOR_STEPS, type VendorStep } from './work-order-words.ts';

export interface WorkOrderMailerOptions {
  store: SiteStore; rows: MailRows; addresses: ReplyAddresses; siteName: string; loopId: string;
  /** Where vendor links point (`DOORSIDE_PUBLIC_URL`), as in the link the order was first sent with. */
  publicAddress?: PublicAddress;
}

/** Whether a committed change may have queued work-order mail (the outbox is woken for it). */
export const mayHaveMailedWorkOrder = (change: Change): boolean => change.entity === 'work-order';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain mail the site writes on its own: greeting, paragraphs, signature; as text and HTML. */
function plainMail(o: WorkOrderMailerOptions, to: { address: string; language: MailLanguage }, messageLocal: string, subject: string, lines: readonly string[]): OutgoingMail {
  const common = MAIL_WORDS[to.language];
  const paragraphs = [common.greeting, ...lines, common.signature(o.siteName)];
  return {
    messageId: `<${messageLocal}@${o.addresses.domain}>`,
    from: o.addresses.inbox, fromName: oneLine(o.siteName, 80), to: oneLine(to.address, 320), replyTo: o.addresses.inbox,
    subject: oneLine(subject, 200), references: [], autoSubmitted: 'auto-generated', xLoop: o.loopId,
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html><body>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}\n</body></html>`,
    language: to.language,
  };
}

/** One reminder per contact and slot: its Message-ID is fixed, so the same slot never mails twice. */
function reminderMails(o: WorkOrderMailerOptions, order: WorkOrder): OutgoingMail[] {
  const vendor = o.store.workOrders.vendor(order.vendor);
  const step = order.reminders?.step ?? 0;
  if (!vendor) return [];
  return vendor.contacts.filter((c) => !o.rows.isUndeliverable(c.email)).map((contact) => {
    const words = VENDOR_MAIL_WORDS[contact.language];
    // The contact's own live link, unsealed: the same one they were sent, so nothing they kept stops working.
    const token = o.publicAddress ? o.store.workOrders.liveToken(order.id, contact.id) : undefined;
    return plainMail(o, { address: contact.email, language: contact.language }, `wo-reminder-${order.id}-${step}-${contact.id}`, words.reminderSubject(order.id, order.title), [
      words.reminder(order.id, order.title, order.sentAt.slice(0, 10)),
      token ? words.reminderLink(o.publicAddress!.vendorUrl(token)) : words.reminderHow,
    ]);
  });
}

/**
 * The responsible person's notice of a vendor's step, when they have a mail address: once per
 * step (the Message-ID names the order and the step's place in its history).
 */
function responsibleMail(o: WorkOrderMailerOptions, order: WorkOrder): OutgoingMail | null {
  const last = order.history.at(-1);
  if (!last?.actor.startsWith('vendor:') || !VENDOR_STEPS.includes(last.action)) return null;
  const user = o.store.directory.user(order.responsible)?.user;
  if (!user?.email || o.rows.isUndeliverable(user.email)) return null;
  const language = user.language ?? 'en';
  const words = RESPONSIBLE_MAIL_WORDS[language];
  const vendor = o.store.workOrders.vendor(order.vendor)?.name ?? order.vendor;
  const step = last.action as VendorStep;
  const said = step === 'comment' ? order.comments.at(-1)?.text : last.note;
  return plainMail(o, { address: user.email, language }, `wo-${order.id.toLowerCase()}-${order.history.length}-${user.id}`, words.subject(order.id, vendor, step),
    [words.intro(order.id, order.title, vendor, step), ...(said ? [said] : [])]);
}

/**
 * Queues, in the command's own transaction, the mail a work order's steps send: a reminder to
 * each of the vendor's contacts while the order is unanswered (never when the vendor has
 * reminders off), in the contact's language; and to the order's responsible person, a notice of
 * every step the vendor takes.
 */
export function workOrderMailer(o: WorkOrderMailerOptions): WithinCommand {
  const queue = (mail: OutgoingMail, at: string) => {
    if (o.rows.queue(mail, null, at)) o.rows.record(mail.messageId, null, 'out', createHash('sha256').update(JSON.stringify(mail)).digest('hex'), at);
  };
  return (changes, at) => {
    for (const change of changes) {
      if (change.entity !== 'work-order') continue;
      if (change.type === 'work-order-reminded' && change.mailVendor) for (const mail of reminderMails(o, change.state)) queue(mail, at);
      const notice = change.type === 'work-order-reminded' || change.type === 'work-order-unanswered' ? null : responsibleMail(o, change.state);
      if (notice) queue(notice, at);
    }
  };
}
