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

/** A phone number as people write it: digits with spaces, dots, dashes or brackets, an optional leading +. */
export const phonePattern = /^\+?\(?(?:\d[\s()./-]{0,2}){6,15}$/;
export const PhoneNumber = z.string().regex(phonePattern, 'give a phone number');
/** An e-mail address a person gave. */
export const EmailAddress = z.email('give a valid e-mail address').max(200);
