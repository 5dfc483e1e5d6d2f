import { describe, expect, it } from 'vitest';
import { automaticMail, permanentFailures } from './automatic-mail.ts';
import { mailLanguageOf } from './mail-words.ts';
import { oneLine } from './outgoing-mail.ts';
import { withoutQuotedHistory } from './quoted-history.ts';
import { ReplyAddresses } from './reply-address.ts';

const addresses = new ReplyAddresses('site-secret', 'demo.example.org');

describe('reply addresses', () => {
  it('reads back the ticket of an address it made', () => {
    const address = addresses.replyTo('T-42');

    expect(addresses.read(address)).toEqual({ kind: 'reply', ticket: 'T-42' });
    expect(addresses.read(address.toUpperCase())).toEqual({ kind: 'reply', ticket: 'T-42' });
  });

  it('takes an address with another ticket\'s mac, another secret\'s or another domain for foreign', () => {
    const other = new ReplyAddresses('other-secret', 'demo.example.org');
    const mac = addresses.replyTo('T-1').split('.')[1]!.split('@')[0];

    expect(addresses.read(`inquiries+t-2.${mac}@demo.example.org`)).toEqual({ kind: 'foreign' });
    expect(addresses.read(other.replyTo('T-1'))).toEqual({ kind: 'foreign' });
    expect(addresses.read(addresses.replyTo('T-1').replace('demo.example.org', 'evil.example'))).toEqual({ kind: 'foreign' });
    expect(addresses.read('inquiries@demo.example.org')).toEqual({ kind: 'inbox' });
  });
});

describe('quoted history', () => {
  it.each([
    ['Yes, Tuesday works.\n\nOn Mon, 1 Dec 2026 at 10:00, Doorside <inquiries@x.example> wrote:\n> When?', 'Yes, Tuesday works.'],
    ['Ja.\n\nDen man. 1. des. 2026 kl. 10:00 skrev Doorside <a@b.example>:\n> Når?', 'Ja.'],
    ['Ja hoor.\n\nOp ma 1 dec 2026 om 10:00 schreef Doorside <a@b.example>:\n> Wanneer?', 'Ja hoor.'],
    ['好的。\n\n在 2026年12月1日 10:00，Doorside 写道：\n> 什么时候？', '好的。'],
    ['Fine.\n\n-----Original Message-----\nFrom: x', 'Fine.'],
    ['Thanks\n-- \nAlice\nTenant', 'Thanks'],
    ['Top line\n> quoted\n> more', 'Top line'],
  ])('keeps only the new part of %j', (text, expected) => {
    expect(withoutQuotedHistory(text)).toBe(expected);
  });

  it('keeps a mail that is only a quote whole', () => {
    expect(withoutQuotedHistory('> only quoted')).toBe('> only quoted');
  });
});

describe('automatic mail', () => {
  const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));

  it('answers a person\'s mail and Auto-Submitted: no', () => {
    expect(automaticMail(headers({ 'auto-submitted': 'no' }), 'a@b.example', 'inquiries@x')).toEqual({ automatic: false });
  });

  it.each([
    [{ 'auto-submitted': 'auto-generated' }, 'a@b.example', 'auto-submitted'],
    [{ precedence: 'junk' }, 'a@b.example', 'precedence'],
    [{ precedence: 'list' }, 'a@b.example', 'precedence'],
    [{ 'x-loop': 'inquiries@x' }, 'a@b.example', 'x-loop'],
    [{}, 'MAILER-DAEMON@b.example', 'mailer-daemon'],
    [{}, '', 'mailer-daemon'],
    [{ 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } }, '', 'delivery-report'],
  ])('does not answer %j from %j', (given, sender, reason) => {
    expect(automaticMail(headers(given), sender, 'inquiries@x')).toEqual({ automatic: true, reason });
  });

  it('reads permanent failures from a delivery report and leaves out temporary ones', () => {
    const report = 'Reporting-MTA: dns; x\r\n\r\nFinal-Recipient: rfc822; Gone@T.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\nFinal-Recipient: rfc822; later@t.example\r\nAction: delayed\r\nStatus: 4.2.2\r\n';

    expect(permanentFailures(report)).toEqual([{ address: 'gone@t.example', status: '5.1.1' }]);
  });
});

describe('the reporter\'s language and header lines', () => {
  it('takes the language from Content-Language, else from the script, else English', () => {
    expect(mailLanguageOf({ contentLanguage: 'nl-NL' }, 'x')).toBe('nl');
    expect(mailLanguageOf({ contentLanguage: 'no' }, 'x')).toBe('nb');
    expect(mailLanguageOf({}, '水龙头漏水')).toBe('zh');
    expect(mailLanguageOf({ contentLanguage: 'fr' }, 'robinet')).toBe('en');
  });

  it('makes what someone typed one header line', () => {
    expect(oneLine('Help\r\nBcc: x@y\u0000z')).toBe('Help Bcc: x@y z');
  });
});
