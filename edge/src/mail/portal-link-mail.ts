import { createHash, randomBytes } from 'node:crypto';
import type { WithinCommand } from '../commands/handler.ts';
import type { PublicAddress } from '../http/public-address.ts';
import type { SiteStore } from '../store/site-store.ts';
import type { MailRows } from './mail-rows.sqlite.ts';
import { MAIL_WORDS, type MailLanguage } from './mail-words.ts';
import { oneLine, type OutgoingMail } from './outgoing-mail.ts';
import type { ReplyAddresses } from './reply-address.ts';
import { PORTAL_LINK_MINUTES } from '../contracts/index.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The words of the sign-in mail, in the person's language. */
const WORDS: Record<MailLanguage, { subject: (site: string) => string; intro: (minutes: number) => string; notYou: string }> = {
  en: {
    subject: (site) => `Your sign-in link for ${site}`,
    intro: (m) => `Open this link and press "Sign in" to reach your tenant portal. The link works once, for ${m} minutes.`,
    notYou: 'If you did not ask for it, ignore this mail: nothing happens without the button.',
  },
  zh: {
    subject: (site) => `您的 ${site} 登录链接`,
    intro: (m) => `打开此链接并点击“登录”即可进入租户门户。该链接仅可使用一次，有效期 ${m} 分钟。`,
    notYou: '如果这不是您本人的请求，请忽略此邮件：不点击按钮不会发生任何事。',
  },
  nb: {
    subject: (site) => `Din innloggingslenke for ${site}`,
    intro: (m) => `Åpne lenken og trykk «Logg inn» for å komme til leietakerportalen. Lenken virker én gang, i ${m} minutter.`,
    notYou: 'Hvis du ikke ba om den, kan du se bort fra denne e-posten: ingenting skjer uten knappen.',
  },
  nl: {
    subject: (site) => `Uw inloglink voor ${site}`,
    intro: (m) => `Open deze link en druk op "Inloggen" om naar uw huurdersportaal te gaan. De link werkt één keer, ${m} minuten lang.`,
    notYou: 'Heeft u hier niet om gevraagd, negeer deze e-mail dan: zonder de knop gebeurt er niets.',
  },
};

export interface PortalLinkMailOptions { store: SiteStore; rows: MailRows; addresses: ReplyAddresses; publicAddress: PublicAddress; siteName: string; loopId: string }

/** The portal's sign-in link on `DOORSIDE_PUBLIC_URL`: the token rides in the fragment, so it reaches no server log or Referer. */
export const portalLinkUrl = (publicAddress: PublicAddress, token: string) => publicAddress.page(`/portal#link=${encodeURIComponent(token)}`);

/** Queues the sign-in mail in the transaction that made the link: the plain token exists nowhere else. */
export function portalLinkMailer(o: PortalLinkMailOptions): WithinCommand {
  return (changes, at) => {
    for (const change of changes) {
      if (change.entity !== 'portal-link' || change.type !== 'portal-link-sent') continue;
      const person = o.store.entries.persons.get(change.state.person);
      if (!person?.email || o.rows.isUndeliverable(person.email)) continue;
      const language = person.language;
      const words = WORDS[language];
      const common = MAIL_WORDS[language];
      const url = portalLinkUrl(o.publicAddress, change.token);
      const text = [common.greeting, '', words.intro(PORTAL_LINK_MINUTES), '', url, '', words.notYou, '', common.signature(o.siteName)].join('\n');
      const html = [common.greeting, words.intro(PORTAL_LINK_MINUTES)].map((p) => `<p>${escapeHtml(p)}</p>`)
        .concat(`<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`, `<p>${escapeHtml(words.notYou)}</p>`, `<p>${escapeHtml(common.signature(o.siteName))}</p>`).join('\n');
      const mail: OutgoingMail = {
        messageId: `<portal.${randomBytes(12).toString('base64url')}@${o.addresses.domain}>`,
        from: o.addresses.inbox, fromName: oneLine(o.siteName, 80), to: oneLine(person.email, 320), replyTo: o.addresses.inbox,
        subject: oneLine(words.subject(o.siteName), 200), references: [], autoSubmitted: 'auto-generated', xLoop: o.loopId,
        text, html: `<!doctype html><html><body>\n${html}\n</body></html>`, language,
      };
      if (o.rows.queue(mail, null, at)) o.rows.record(mail.messageId, null, 'out', createHash('sha256').update(JSON.stringify(mail)).digest('hex'), at);
    }
  };
}
