/** A line that starts the quoted history in the common mail programs, in the four languages and a few more. */
const HISTORY_STARTS = [
  /^On .{1,200}wrote:\s*$/i,
  /^-{2,}\s*(Original Message|Opprinnelig melding|Oorspronkelijk bericht|原始邮件)\s*-{2,}\s*$/i,
  /^(Den|Op|Le|Am|El) .{1,200}(skrev|schreef|a écrit|schrieb|escribió).{0,200}:\s*$/i,
  /^在.{1,200}写道[:：]\s*$/,
  /^From:\s.+$/i,
  /^_{10,}\s*$/,
];

/**
 * The new part of a reply: everything above the quoted history and the signature. A line
 * that starts a quote, a block of `>` lines at the end, or `-- ` ends it. When nothing is
 * left (a mail that is only a quote) the whole text is kept, so nothing is lost.
 */
export function withoutQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (lines[i] === '-- ' || HISTORY_STARTS.some((p) => p.test(line))) { end = i; break; }
  }
  let kept = lines.slice(0, end);
  while (kept.length > 0 && (kept.at(-1)!.trim() === '' || kept.at(-1)!.trimStart().startsWith('>'))) kept = kept.slice(0, -1);
  const result = kept.join('\n').trim();
  return result === '' ? text.trim() : result;
}
