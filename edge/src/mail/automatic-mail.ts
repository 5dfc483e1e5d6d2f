/** Headers as mailparser gives them: lower-case names, structured values for some. */
export type HeaderMap = Map<string, unknown>;

export type Automatic =
  | { automatic: false }
  | { automatic: true; reason: 'auto-submitted' | 'precedence' | 'x-loop' | 'mailer-daemon' | 'delivery-report' };

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return '';
};

/**
 * Mail no robot should answer (RFC 3834): auto-submitted, bulk or list mail, our own mail
 * come back, a mailer daemon or a delivery report. It is still taken in; it gets no
 * acknowledgement, so two auto-responders cannot keep each other busy.
 */
export function automaticMail(headers: HeaderMap, sender: string, loopId: string): Automatic {
  if (text(headers.get('content-type')).toLowerCase() === 'multipart/report') return { automatic: true, reason: 'delivery-report' };
  const autoSubmitted = text(headers.get('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted !== '' && !autoSubmitted.startsWith('no')) return { automatic: true, reason: 'auto-submitted' };
  if (/^(bulk|junk|list|auto_reply)\b/i.test(text(headers.get('precedence')).trim())) return { automatic: true, reason: 'precedence' };
  if (headers.has('list-id') || headers.has('x-autoreply') || headers.has('x-autorespond')) return { automatic: true, reason: 'precedence' };
  const loops = ([] as unknown[]).concat(headers.get('x-loop') ?? []).map(text);
  if (loops.some((l) => l.trim().toLowerCase() === loopId.toLowerCase())) return { automatic: true, reason: 'x-loop' };
  if (sender === '' || /^(mailer-daemon|postmaster)@/i.test(sender)) return { automatic: true, reason: 'mailer-daemon' };
  return { automatic: false };
}

/** The permanent failures (status 5.x.x) a delivery status notification reports, per recipient. */
export function permanentFailures(raw: string): { address: string; status: string }[] {
  const failures: { address: string; status: string }[] = [];
  // Each recipient's block in message/delivery-status starts with Final-Recipient and carries a Status.
  const blocks = raw.split(/\r?\n(?=Final-Recipient:)/i).slice(1);
  for (const block of blocks) {
    const address = /^Final-Recipient:\s*rfc822;\s*<?([^\s>]+)>?/im.exec(block)?.[1];
    const status = /^Status:\s*(\d\.\d{1,3}\.\d{1,3})/im.exec(block)?.[1];
    if (address && status?.startsWith('5')) failures.push({ address: address.toLowerCase(), status });
  }
  return failures;
}
