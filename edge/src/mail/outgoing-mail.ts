import { z } from 'zod';

/** A header value: one line, whatever a person typed into what it is made from. */
const Line = z.string().max(998).refine((v) => !/[\r\n]/.test(v), 'a header holds no line break');

/** One mail as the outbox keeps it: everything needed to send it again, byte for byte the same headers. */
export const OutgoingMail = z.object({
  messageId: Line,
  from: Line,
  fromName: Line,
  to: Line,
  replyTo: Line,
  subject: Line,
  inReplyTo: Line.optional(),
  references: z.array(Line),
  /** `auto-replied` on acknowledgements, so other robots do not answer them. */
  autoSubmitted: z.enum(['auto-replied', 'auto-generated', 'no']),
  xLoop: Line,
  text: z.string(),
  html: z.string(),
  language: z.enum(['en', 'zh', 'nb', 'nl']),
});
export type OutgoingMail = z.infer<typeof OutgoingMail>;

/** What someone typed, made fit for one header line. */
export function oneLine(value: string, max = 200): string {
  return value.replace(/[\r\n\t\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);
}
