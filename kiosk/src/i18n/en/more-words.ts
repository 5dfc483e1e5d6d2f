/** English: a rejection's follow-up described in the reader's language. */
export const moreWords = {
  'phrase.ticket.rejected': 'Rejected: {reason}',
  'phrase.ticket.rejectedWithNotes': "Rejected: {reason}. Supervisor's note: {notes}",
} as const;
