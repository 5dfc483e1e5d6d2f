import * as z from 'zod/mini';

/**
 * Words the server makes (a ticket's title, a room's status reason) travel as a code and its
 * parameters, never as a sentence: each page and sign renders them from its own catalog.
 * Written with zod's light build so the occupant's pages can share it.
 */
export const phraseLanguages = ['en', 'zh', 'nb', 'nl'] as const;
export type PhraseLanguage = (typeof phraseLanguages)[number];

/** A name people typed, by language (`{zh: '会议室'}`); the plain name stands in for any language missing. */
export const Names = z.partialRecord(z.enum(phraseLanguages), z.string().check(z.trim(), z.minLength(1), z.maxLength(120)));
export type Names = z.infer<typeof Names>;

/** A parameter: a number, a plain text (up to a note's length), or a name with its translations. */
export const PhraseParam = z.union([
  z.number(),
  z.string().check(z.maxLength(2000)),
  z.object({ text: z.string().check(z.maxLength(500)), names: z.optional(Names) }),
]);
export type PhraseParam = z.infer<typeof PhraseParam>;

export const phraseCodes = [
  'ticket.serviceIn', 'ticket.followUp', 'ticket.rejected', 'ticket.rejectedWithNotes', 'room.ready', 'room.rejected', 'room.ticketVerified', 'room.ticketCancelled',
  'ticket.lowStock', 'ticket.workOrderUnanswered', 'ticket.refundUnsettled',
] as const;
export type PhraseCode = (typeof phraseCodes)[number];

export const Phrase = z.object({ code: z.enum(phraseCodes), params: z.record(z.string(), PhraseParam) });
export type Phrase = z.infer<typeof Phrase>;

/** A name with its translations, as a phrase carries it. */
export const named = (text: string, names?: Names): PhraseParam => (names && Object.keys(names).length > 0 ? { text, names } : text);

/** The title the server gives a ticket it opens from a category in a room. */
export const serviceIn = (category: { name: string; names?: Names }, room: { name: string; names?: Names }): Phrase => ({
  code: 'ticket.serviceIn', params: { category: named(category.name, category.names), room: named(room.name, room.names) },
});

/** A phrase's plain English reading, for readers that only know the `title`/`reason` text. */
export function plainEnglish(p: Phrase): string {
  const v = (name: string): string => {
    const value = p.params[name];
    return value === undefined ? '' : typeof value === 'object' ? value.text : String(value);
  };
  switch (p.code) {
    case 'ticket.serviceIn': return `${v('category')} in ${v('room')}`;
    case 'ticket.followUp': return `Follow-up: ${v('reason')} (${v('category')} in ${v('room')})`;
    case 'ticket.rejected': return `Rejected: ${v('reason')}`;
    case 'ticket.rejectedWithNotes': return `Rejected: ${v('reason')}. Supervisor's note: ${v('notes')}`;
    case 'room.ready': return 'Ready for use';
    case 'room.rejected': return v('reason');
    case 'room.ticketVerified': return `${v('ticket')} verified`;
    case 'room.ticketCancelled': return `${v('ticket')} cancelled`;
    case 'ticket.lowStock': return `Low stock: ${v('item')} in ${v('store')}, ${v('level')} ${v('unit')} left (minimum ${v('minimum')})`;
    case 'ticket.workOrderUnanswered': return `Work order ${v('workOrder')}: no answer from ${v('vendor')}`;
    case 'ticket.refundUnsettled': return `Refund ${v('refund')} of order ${v('order')} still not settled by ${v('provider')}`;
  }
}
