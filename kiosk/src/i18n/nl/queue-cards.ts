import type { queueCards as english } from '../en/queue-cards.ts';

/** Nederlands: the staff queue's compact header and cards. */
export const queueCards: Record<keyof typeof english, string> = {
  'queueCards.menu': 'Menu voor {name}: taal en afmelden',
};
