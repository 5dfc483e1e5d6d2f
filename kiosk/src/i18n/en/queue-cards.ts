/** English words for the staff queue's compact header and cards. */
export const queueCards = {
  'queueCards.menu': 'Menu for {name}: language and sign out',
} as const;
