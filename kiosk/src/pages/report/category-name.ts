import type { Names } from '@doorside/edge/occupant-contracts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Translator } from '../../i18n/translator.ts';

const named = new Set(['cleaning', 'av', 'maintenance', 'supplies', 'climate', 'devices', 'security']);

/** A category in the page's language; a category the catalogs do not know keeps the name the site gave it. */
export function categoryName(speak: Translator, category: { id: string; name: string; names?: Names | undefined }): string {
  const given = category.names?.[speak.lang];
  if (given) return given;
  return named.has(category.id) ? speak.t(`report.category.${category.id}` as MessageKey) : category.name;
}
