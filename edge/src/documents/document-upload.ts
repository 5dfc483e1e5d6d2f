import { DocumentMeta } from '../contracts/index.ts';
import { Invalid } from '../domain-error.ts';

/** The upload's `meta` field: JSON that the contract's schema judges, or a 400 naming each problem. */
export function uploadedMeta(text: string): DocumentMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Invalid('INVALID', 'the field "meta" is not JSON', [{ path: '/meta', message: 'not JSON' }]);
  }
  const parsed = DocumentMeta.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: `/meta/${i.path.join('/')}`, message: i.message }));
    throw new Invalid('INVALID', `the field "meta" is not valid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`.slice(0, 500), issues);
  }
  return parsed.data;
}
