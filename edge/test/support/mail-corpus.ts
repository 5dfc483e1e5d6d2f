/**
 * A corpus of mail threads as real clients write them: Gmail, Outlook (Thread-Index, RE:/AW:/SV:/Antw:,
 * winmail.dat, no References), Apple Mail, phone clients (only In-Reply-To), the reply address only in Cc
 * or only in Delivered-To, a changed subject, staff answering from their own mail program, quoted-printable
 * and base64 bodies, RFC 2047 subjects in Chinese, Norwegian and Dutch. Deterministic for a seed.
 */

export type Client = 'gmail' | 'outlook' | 'winmail' | 'apple' | 'ios' | 'android';
export type Language = 'en' | 'zh' | 'nb' | 'nl';
/** How a follow-up points at its ticket. */
export type Way =
  | 'reply-to-ack' // answers the acknowledgement: To is the reply address, In-Reply-To its Message-ID
  | 'cc-token' // To the inbox, the reply address only in Cc, subject changed, no references
  | 'delivered-to' // forwarded by the tenant's own server: only Delivered-To names the reply address
  | 'ack-in-reply-to' // phone: only In-Reply-To, to the acknowledgement, subject changed
  | 'ack-in-references' // References carries the acknowledgement among unknown ids, subject changed
  | 'own-first' // a second word to one's own first mail (In-Reply-To: the first Message-ID)
  | 'previous' // answers the previous follow-up
  | 'subject-tag' // nothing but `[T-n]` in the subject
  | 'staff-cc'; // staff answer from their own program to the tenant, reply address in Cc

export interface CorpusThread {
  n: number;
  client: Client;
  language: Language;
  sender: string;
  subject: string;
  /** Unique words in the first mail's subject that find its ticket. */
  marker: string;
  firstMessageId: string;
  /** The first mail reuses another thread's first Message-ID (with a different body). */
  reusesIdOf: number | null;
  followUps: { way: Way; marker: string; messageId: string }[];
}

/** What a follow-up needs to know once the first mail was taken in. */
export interface ThreadContext { ticket: string; replyAddress: string; ackMessageId: string; inbox: string }

export interface RawMail { from: string; to: string[]; raw: string }

const CLIENTS: Client[] = ['gmail', 'outlook', 'winmail', 'apple', 'ios', 'android'];
const LANGUAGES: Language[] = ['en', 'zh', 'nb', 'nl'];
const WAYS: Way[] = ['reply-to-ack', 'cc-token', 'delivered-to', 'ack-in-reply-to', 'ack-in-references', 'own-first', 'previous', 'subject-tag', 'staff-cc'];
const TOPICS: Record<Language, string[]> = {
  en: ['Leaking tap in the kitchen', 'Light flickers in meeting room', 'Heating too cold', 'Door does not lock'],
  zh: ['厨房水龙头漏水', '会议室灯光闪烁', '暖气不热', '门锁坏了'],
  nb: ['Lekker kran på kjøkkenet', 'Lyset blinker i møterommet', 'For kaldt på kontoret', 'Døra går ikke i lås'],
  nl: ['Lekkende kraan in de keuken', 'Licht knippert in vergaderzaal', 'Verwarming te koud', 'Deur sluit niet'],
};
const WORDS: Record<Language, string> = {
  en: 'It is still not fixed, could someone look at it today?',
  zh: '还是没有修好，今天能有人来看看吗？',
  nb: 'Det er fortsatt ikke fikset, kan noen se på det i dag? Blåbærsyltetøy.',
  nl: 'Het is nog steeds niet gerepareerd, kan iemand vandaag kijken? Één keer.',
};
const PREFIX: Record<Client, string[]> = {
  gmail: ['Re: '], apple: ['Re: '], ios: ['Re: '], android: ['RE: ', 'Re: '],
  outlook: ['RE: ', 'AW: ', 'SV: ', 'Antw: '], winmail: ['AW: ', 'SV: ', 'Antw: ', 'RE: '],
};

/** A small seeded generator (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

function messageIdFor(client: Client, token: string): string {
  switch (client) {
    case 'gmail': return `<CAF${token}+x9Q@mail.gmail.com>`;
    case 'outlook': case 'winmail': return `<AM0PR07MB${token.toUpperCase()}@AM0PR07MB4545.eurprd07.prod.outlook.com>`;
    case 'apple': return `<${token.toUpperCase()}-4C1B-9F2E@tenant.example>`;
    case 'ios': return `<${token}-iPhone@icloud.com>`;
    case 'android': return `<${token}.android@email.android.com>`;
  }
}

export function generateCorpus(count: number, seed = 7): CorpusThread[] {
  const rnd = random(seed);
  const threads: CorpusThread[] = [];
  for (let n = 0; n < count; n++) {
    const client = CLIENTS[n % CLIENTS.length]!;
    const language = LANGUAGES[Math.floor(n / CLIENTS.length) % LANGUAGES.length]!;
    const marker = `c${String(n).padStart(3, '0')}`;
    // Every fifteenth thread's first mail reuses the Message-ID of the thread before it.
    const reusesIdOf = n > 0 && n % 15 === 0 ? n - 1 : null;
    const firstMessageId = reusesIdOf === null ? messageIdFor(client, `${marker}${Math.floor(rnd() * 1e9).toString(36)}`) : threads[reusesIdOf]!.firstMessageId;
    const followUps = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => ({
      way: i === 0 ? WAYS[n % WAYS.length]! : pick(rnd, WAYS),
      marker: `fu${marker}x${i}`,
      messageId: messageIdFor(client, `${marker}f${i}${Math.floor(rnd() * 1e9).toString(36)}`),
    }));
    threads.push({
      n, client, language, marker, firstMessageId, reusesIdOf, followUps,
      sender: `tenant${n}@tenant${n % 7}.example`,
      subject: `${pick(rnd, TOPICS[language])} (${marker})`,
    });
  }
  return threads;
}

/** `=?UTF-8?B?…?=` when a subject is not plain ASCII (RFC 2047), in pieces short enough for a header line. */
export function encodedWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let piece = '';
  for (const ch of text) {
    if (Buffer.byteLength(piece + ch) > 42) {
      words.push(piece);
      piece = '';
    }
    piece += ch;
  }
  words.push(piece);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** Quoted-printable (RFC 2045) with soft line breaks. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      encoded += byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x09) ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
    }
    let rest = encoded;
    while (rest.length > 75) {
      let cut = 75;
      const eq = rest.lastIndexOf('=', cut - 1);
      if (eq > cut - 3) cut = eq;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\r\n');
}

const base64Lines = (text: string | Buffer) => (Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8')).toString('base64').replace(/.{1,76}/g, '$&\r\n').trimEnd();

/** The body part as the client writes it: Gmail multipart/alternative, Outlook base64, winmail.dat, Apple QP, phones 8-bit or base64. */
function body(client: Client, text: string, n: number): { headers: string[]; body: string } {
  const qp = ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: quoted-printable'];
  const b64 = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'];
  switch (client) {
    case 'gmail': {
      const b = `000000000000gm${n}`;
      const html = `<div dir="ltr">${text.replace(/\n/g, '<br>')}</div>`;
      return {
        headers: [`Content-Type: multipart/alternative; boundary="${b}"`],
        body: [`--${b}`, ...qp, '', quotedPrintable(text), `--${b}`, 'Content-Type: text/html; charset=UTF-8', 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(html), `--${b}--`, ''].join('\r\n'),
      };
    }
    case 'outlook': return { headers: b64, body: base64Lines(text) };
    case 'winmail': {
      const b = `_000_AM0PR07MB${n}_`;
      return {
        headers: [`Content-Type: multipart/mixed; boundary="${b}"`],
        body: [`--${b}`, ...b64, '', base64Lines(text), `--${b}`, 'Content-Type: application/ms-tnef; name="winmail.dat"', 'Content-Disposition: attachment; filename="winmail.dat"',
          'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from([0x78, 0x9f, 0x3e, 0x22, n & 0xff, 1, 2, 3])), `--${b}--`, ''].join('\r\n'),
      };
    }
    case 'apple': return { headers: qp, body: quotedPrintable(text) };
    case 'ios': return { headers: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'], body: Buffer.from(text, 'utf8').toString('latin1').replace(/\n/g, '\r\n') };
    case 'android': return { headers: b64, body: base64Lines(text) };
  }
}

function message(client: Client, head: string[], text: string, n: number): string {
  const part = body(client, text, n);
  const agent = client === 'outlook' || client === 'winmail' ? ['X-Mailer: Microsoft Outlook 16.0', 'Thread-Index: AdoH' + Buffer.from(`thread${n}`).toString('base64')] : client === 'apple' ? ['X-Mailer: Apple Mail (2.3774)'] : [];
  // One character per byte (the 8-bit body is already UTF-8 bytes as latin1): the dialogue sends it as latin1.
  return [...head, 'Date: Mon, 7 Dec 2026 09:00:00 +0100', 'MIME-Version: 1.0', ...agent, ...part.headers, '', part.body].join('\r\n')
    .replace(/\r\n\./g, '\r\n..');
}

/** The first mail of a thread, to the inbox. */
export function firstMail(thread: CorpusThread, inbox: string): RawMail {
  const head = [`From: Tenant ${thread.n} <${thread.sender}>`, `To: Facility <${inbox}>`, `Subject: ${encodedWord(thread.subject)}`, `Message-ID: ${thread.firstMessageId}`];
  if (thread.client === 'outlook' || thread.client === 'winmail') head.push(`Thread-Topic: ${encodedWord(thread.subject)}`);
  const text = `${TOPICS[thread.language][0]!}\n${WORDS[thread.language]}\nfirst-${thread.marker}${thread.reusesIdOf === null ? '' : ' (a different body under a reused Message-ID)'}`;
  return { from: thread.sender, to: [inbox], raw: message(thread.client, head, text, thread.n) };
}

/** Follow-up `i` of a thread, pointing at its ticket the way it names. */
export function followUp(thread: CorpusThread, i: number, ctx: ThreadContext): RawMail {
  const fu = thread.followUps[i]!;
  const prefix = PREFIX[thread.client][(thread.n + i) % PREFIX[thread.client].length]!;
  const ackSubject = `[${ctx.ticket}] ${thread.subject}`;
  const changed = `${['Update', 'Nytt', '更新', 'Nieuws'][i % 4]} ${thread.marker}/${i}`;
  const previous = i === 0 ? thread.firstMessageId : thread.followUps[i - 1]!.messageId;
  const phone = thread.client === 'ios' || thread.client === 'android';
  const outlookish = thread.client === 'outlook' || thread.client === 'winmail';
  // Outlook and phones leave References out; the others carry the whole chain.
  const refs = (chain: string[]) => (outlookish || phone ? [] : [`References: ${chain.join('\r\n ')}`]);
  let from = thread.sender;
  let to = [ctx.inbox];
  let head: string[];
  switch (fu.way) {
    case 'reply-to-ack':
      to = [ctx.replyAddress];
      head = [`To: ${ctx.replyAddress}`, `Subject: ${encodedWord(prefix + ackSubject)}`, `In-Reply-To: ${ctx.ackMessageId}`, ...refs([thread.firstMessageId, ctx.ackMessageId])];
      break;
    case 'cc-token':
      head = [`To: ${ctx.inbox}`, `Cc: Facility desk <${ctx.replyAddress}>, someone@tenant.example`, `Subject: ${encodedWord(changed)}`];
      break;
    case 'delivered-to':
      head = [`Delivered-To: ${ctx.replyAddress}`, `To: facilities@tenant${thread.n % 7}.example`, `Subject: ${encodedWord(changed)}`];
      break;
    case 'ack-in-reply-to':
      head = [`To: ${ctx.inbox}`, `Subject: ${encodedWord(changed)}`, `In-Reply-To: ${ctx.ackMessageId}`];
      break;
    case 'ack-in-references':
      head = [`To: ${ctx.inbox}`, `Subject: ${encodedWord(changed)}`, `In-Reply-To: <unknown.${fu.marker}@elsewhere.example>`, `References: <older.${fu.marker}@elsewhere.example> ${ctx.ackMessageId}\r\n <unknown.${fu.marker}@elsewhere.example>`];
      break;
    case 'own-first':
      head = [`To: ${ctx.inbox}`, `Subject: ${encodedWord(prefix + thread.subject)}`, `In-Reply-To: ${thread.firstMessageId}`, ...refs([thread.firstMessageId])];
      break;
    case 'previous':
      head = [`To: ${ctx.inbox}`, `Subject: ${encodedWord(prefix + thread.subject)}`, `In-Reply-To: ${previous}`, ...refs([thread.firstMessageId, previous])];
      break;
    case 'subject-tag':
      head = [`To: ${ctx.inbox}`, `Subject: ${encodedWord(`${prefix}${changed} [${ctx.ticket}]`)}`];
      break;
    case 'staff-cc':
      from = `caretaker${thread.n % 3}@building-services.example`;
      to = [ctx.replyAddress];
      head = [`To: Tenant ${thread.n} <${thread.sender}>`, `Cc: ${ctx.replyAddress}`, `Subject: ${encodedWord(prefix + thread.subject)}`, `In-Reply-To: ${previous}`, ...refs([thread.firstMessageId, previous])];
      break;
  }
  if (outlookish) head.push(`Thread-Topic: ${encodedWord(thread.subject)}`);
  const text = `${WORDS[thread.language]}\n${fu.marker}\n\nOn Mon, 7 Dec 2026, someone wrote:\n> quoted ${thread.marker} history`;
  return { from, to, raw: message(thread.client, [`From: ${from}`, ...head, `Message-ID: ${fu.messageId}`], text, thread.n) };
}
