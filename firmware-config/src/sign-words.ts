/**
 * The words a room sign shows, per language. Status codes are the gateway's
 * room statuses (edge's RoomStatus); a sign prints the word, never the code.
 */
export const SIGN_LANGUAGES = ['en', 'zh', 'nb', 'nl'] as const;
export type SignLanguage = (typeof SIGN_LANGUAGES)[number];

export const SIGN_STATUSES = ['available', 'service_due', 'in_service', 'pending_recovery', 'do_not_use'] as const;
export type SignStatus = (typeof SIGN_STATUSES)[number];

export interface SignWords {
  status: Record<SignStatus, string>;
  /** Shown before the first status message arrives. */
  waiting: string;
  /** Put before the time the status began. */
  since: string;
}

export const SIGN_WORDS: Record<SignLanguage, SignWords> = {
  en: {
    status: {
      available: 'Available',
      service_due: 'Service due',
      in_service: 'In service',
      pending_recovery: 'Pending recovery',
      do_not_use: 'Do not use',
    },
    waiting: 'Waiting for status',
    since: 'Since',
  },
  zh: {
    status: {
      available: '可用',
      service_due: '待维护',
      in_service: '维护中',
      pending_recovery: '待恢复',
      do_not_use: '禁止使用',
    },
    waiting: '等待状态',
    since: '自',
  },
  nb: {
    status: {
      available: 'Ledig',
      service_due: 'Trenger service',
      in_service: 'Under service',
      pending_recovery: 'Venter på klargjøring',
      do_not_use: 'Må ikke brukes',
    },
    waiting: 'Venter på status',
    since: 'Siden',
  },
  nl: {
    status: {
      available: 'Beschikbaar',
      service_due: 'Onderhoud nodig',
      in_service: 'In onderhoud',
      pending_recovery: 'Wacht op herstel',
      do_not_use: 'Niet gebruiken',
    },
    waiting: 'Wacht op status',
    since: 'Sinds',
  },
};

/** Letters a language's free text (a ticket's reason) is likely to need beyond ASCII. */
export const EXTRA_LETTERS: Record<SignLanguage, string> = {
  en: '',
  zh: '',
  nb: 'æøåÆØÅéÉ',
  nl: 'éëïöüèáóúÉËÏÖÜ',
};
