import type { AddressObject, ParsedMail } from 'mailparser';
import { sentMails } from './outbox.ts';
import type { TestGateway } from './test-gateway.ts';

export const toOf = (mail: ParsedMail) => ([] as AddressObject[]).concat(mail.to ?? [])[0]?.value[0]?.address;

/** The mails to an address queued by what `act` does. */
export async function mailsTo(gw: TestGateway, email: string, act: () => Promise<unknown>): Promise<ParsedMail[]> {
  const before = (await sentMails(gw)).length;
  await act();
  return (await sentMails(gw)).slice(before).filter((m) => toOf(m) === email);
}

/** Asks for a portal link as a tenant would and returns the token their mail carries. */
export async function portalLinkFor(gw: TestGateway, email: string): Promise<string | undefined> {
  const mails = await mailsTo(gw, email, () => gw.call('POST', '/api/portal/sign-in', { body: { email } }));
  return mails.at(-1)?.text?.match(/\/portal#link=([A-Za-z0-9_-]+)/)?.[1];
}

/** Signs a tenant in by the link in their mail and returns the session cookie. */
export async function tenantSignIn(gw: TestGateway, email: string): Promise<string> {
  const token = await portalLinkFor(gw, email);
  const res = await gw.call('POST', '/api/portal/session', { body: { token } });
  if (res.status !== 200) throw new Error(`portal sign-in ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
