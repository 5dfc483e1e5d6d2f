import type { DocumentPlace } from '@doorside/edge/contracts';
import type { Lang } from '../i18n/index.ts';
import type { Translator } from '../i18n/translator.ts';

/** Words in the reader's language, else in the first language they were written in. */
export const wordsIn = (words: Partial<Record<Lang, string>>, lang: Lang) => words[lang] ?? Object.values(words)[0] ?? '';

/** Where a document belongs, in words. */
export function placeWords(place: DocumentPlace, speak: Translator): string {
  switch (place.kind) {
    case 'building': return speak.t('docs.place.building');
    case 'floor': return speak.t('docs.place.floor', { floor: place.floor });
    case 'unit': return speak.t('docs.place.unit', { unit: place.unit });
    case 'room': return speak.t('docs.place.room', { room: place.room });
    case 'company': return speak.t('docs.place.company', { company: place.company });
  }
}
