import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';

/**
 * The inbound mail bench's messages, built the same way for the gateway and the bare server:
 * mail `i` always has the same bytes. Every attachment is unique (its first bytes name the mail),
 * so the gateway's store, which keeps a file once per SHA-256, keeps each one.
 *
 * The mix, by `i % 100`: 0 one 1 MB attachment; 1–40 text only; 41–80 one 50 KB PDF;
 * 81–99 an inline image in HTML plus a 50 KB PDF.
 */
export type MailShape = 'text' | 'pdf' | 'inline+pdf' | 'large';

export function shapeOf(i: number): MailShape {
  const k = i % 100;
  if (k === 0) return 'large';
  if (k <= 40) return 'text';
  if (k <= 80) return 'pdf';
  return 'inline+pdf';
}

const PDF_BYTES = 50 * 1024;
const LARGE_BYTES = 1024 * 1024;
const IMAGE_BYTES = 24 * 1024;

/** Deterministic pseudo-random bytes (SHA-256 in counter mode), so runs are repeatable. */
function noise(seed: string, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let offset = 0, n = 0; offset < length; n++) {
    offset += createHash('sha256').update(`${seed}:${n}`).digest().copy(out, offset);
  }
  return out;
}

const pdfBody = noise('pdf', PDF_BYTES);
const largeBody = noise('large', LARGE_BYTES);
const imageBody = noise('image', IMAGE_BYTES);

/** A file that opens like a PDF: header, one stream object of binary, trailer. */
function pdfLike(i: number, bytes: Buffer): Buffer {
  const head = Buffer.from(`%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length ${bytes.length} /Mail ${i} >>\nstream\n`, 'latin1');
  const tail = Buffer.from(`\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Mail ${i} >>\n%%EOF\n`, 'latin1');
  return Buffer.concat([head, bytes, tail]);
}

/** A file that starts like a JPEG (SOI, APP0 JFIF) and ends with EOI. */
function jpegLike(i: number): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
  return Buffer.concat([head, Buffer.from(`mail ${i};`, 'latin1'), imageBody, Buffer.from([0xff, 0xd9])]);
}

const subjects = [
  'Projector in meeting room flickers',
  'Lost and found: black umbrella, 3rd floor',
  'Ventilasjonen på kontoret er for sterk',
  '会议室的空调太冷了',
  'Graag extra stoelen voor de vergadering van donderdag',
  'Invoice question for the cleaning contract',
];

const body = (i: number) =>
  `Hello,\n\nmessage ${i} from the inbound mail bench. The room was cold this morning and the ` +
  'projector took a long time to start. Could someone look at it before the meeting at ten?\n\n' +
  'Kind regards,\nA tenant\n\n-- \nSent from my phone\n';

/** A few header shapes: a phone client, an Outlook-like client with thread headers, a webmail with HTML. */
function headerShape(i: number): Pick<Mail.Options, 'headers' | 'replyTo'> {
  switch (i % 3) {
    case 0: return { headers: { 'X-Mailer': 'iPhone Mail (21F90)' } };
    case 1: return {
      headers: {
        'X-Mailer': 'Microsoft Outlook 16.0', 'Thread-Topic': subjects[i % subjects.length]!, 'Thread-Index': `AdqBench${i}`,
        'Content-Language': i % 2 ? 'nb-NO' : 'en-GB', 'Accept-Language': 'en-GB, nb-NO',
      },
      replyTo: `tenant${i % 997}@replies.example.net`,
    };
    default: return { headers: { 'X-Originating-IP': '[192.0.2.10]', 'Received': 'from webmail.example.net (192.0.2.10) by mx.example.net; Mon, 30 Nov 2026 08:00:00 +0000' } };
  }
}

export interface BuiltMail { raw: Buffer; from: string; attachments: number; attachmentBytes: number }

/** Builds mail `i` to `to`: multipart MIME as a mail client writes it. */
export async function buildMail(i: number, to: string): Promise<BuiltMail> {
  const shape = shapeOf(i);
  const from = `tenant${i % 997}@example.net`;
  const attachments: Mail.Attachment[] = [];
  let html: string | undefined;
  if (shape === 'pdf' || shape === 'inline+pdf') {
    attachments.push({ filename: `report-${i}.pdf`, content: pdfLike(i, pdfBody), contentType: 'application/pdf' });
  }
  if (shape === 'inline+pdf') {
    attachments.push({ filename: `photo-${i}.jpg`, content: jpegLike(i), contentType: 'image/jpeg', cid: `photo${i}@bench.example.net` });
    html = `<p>Hello,</p><p>message ${i}: see the photo.</p><p><img src="cid:photo${i}@bench.example.net" alt="photo"></p>`;
  }
  if (shape === 'large') {
    attachments.push({ filename: `floor-plan-${i}.pdf`, content: pdfLike(i, largeBody), contentType: 'application/pdf' });
  }
  const options: Mail.Options = {
    from: `"Tenant ${i % 997}" <${from}>`, to, subject: `${subjects[i % subjects.length]} (#${i})`,
    text: body(i), ...(html ? { html } : {}), attachments,
    messageId: `<bench-${i}@example.net>`, date: new Date(Date.UTC(2026, 10, 30, 8, 0, 0) + i * 1000),
    ...headerShape(i),
  };
  const raw = await new MailComposer(options).compile().build();
  const attachmentBytes = attachments.reduce((s, a) => s + (a.content as Buffer).length, 0);
  return { raw, from, attachments: attachments.length, attachmentBytes };
}
