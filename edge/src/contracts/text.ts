import { z } from 'zod';
import { visibleTrim } from './vocabulary.ts';

/**
 * Text a person typed (a description, a reason, a note): trimmed of white space and
 * invisible characters, so text that shows nothing counts as empty and is refused.
 * Every free-text field in the contracts is one of these.
 */
export const Text = (max: number) => z.string().overwrite(visibleTrim).min(1, 'needs at least one visible character').max(max);

/** Optional free text (notes, a rating's comment): trimmed the same way; left blank, it is kept as empty. */
export const OptionalText = (max: number) => z.string().overwrite(visibleTrim).max(max);
