import type { queueCards as english } from '../en/queue-cards.ts';

/** Norsk bokmål: the staff queue's compact header and cards. */
export const queueCards: Record<keyof typeof english, string> = {
  'queueCards.menu': 'Meny for {name}: språk og logg ut',
};
