/** English: a rejection's follow-up described in the reader's language, and a live page the feed turned away for holding too many. */
export const moreWords = {
  'phrase.ticket.rejected': 'Rejected: {reason}',
  'phrase.ticket.rejectedWithNotes': "Rejected: {reason}. Supervisor's note: {notes}",
  'live.crowded.sign': "This sign's link is open on too many screens; this one updates again in a minute.",
  'live.crowded.page': 'Too many pages are open with this sign-in; this one updates again in a minute.',
  'live.crowded.short': 'Paused',
} as const;
