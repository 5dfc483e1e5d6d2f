import type { Names } from '@doorside/edge/contracts';
import type { Translator } from '../../i18n/translator.ts';

/** Each category's rejection reasons in other languages: category id → reason as recorded → names. */
export type ReasonNames = ReadonlyMap<string, Readonly<Record<string, Names>>>;

/** A rejection's reason in the reader's language, when its category lists it with translations; else as recorded. */
export function reasonWords(reason: string, category: string, reasons: ReasonNames, { name }: Translator): string {
  return name(reason, reasons.get(category)?.[reason]);
}
