import type { z } from 'zod';
import { ApiError } from '../../api/gateway-client.ts';
import type { MessageKey } from '../../i18n/en/index.ts';

/** What went wrong with a directory form: words per field, and words for the whole form. */
export interface FormProblems {
  fields: Record<string, MessageKey>;
  form: { key: MessageKey; params?: Record<string, string | number> } | undefined;
}

const fieldWords: Record<string, MessageKey> = {
  name: 'dirForms.invalid.name', email: 'dirForms.invalid.email', phone: 'dirForms.invalid.phone',
  floor: 'dirForms.invalid.floor', room: 'dirForms.invalid.room',
};
const wordOf = (field: string): MessageKey => fieldWords[field] ?? 'dirForms.invalid.text';

/** The form's own check against the shared schema, before anything is sent. */
export function problemsOfIssues(issues: readonly z.core.$ZodIssue[]): FormProblems {
  const fields: Record<string, MessageKey> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'name');
    fields[field] ??= wordOf(field);
  }
  return { fields, form: { key: 'dirForms.error.INVALID' } };
}

const formWords: Partial<Record<string, MessageKey>> = {
  UNKNOWN_PERSON: 'dirForms.error.UNKNOWN_PERSON', UNKNOWN_UNIT: 'dirForms.error.UNKNOWN_UNIT', UNKNOWN_INSTALLATION: 'dirForms.error.UNKNOWN_INSTALLATION',
  NOT_PERMITTED: 'dirForms.error.NOT_PERMITTED', NOT_FOUND: 'dirForms.error.NOT_FOUND', SIGN_IN_REQUIRED: 'dirForms.error.SIGN_IN_REQUIRED',
};

/** The gateway's refusal, by its code: next to the field it is about, or over the whole form. */
export function problemsOfRefusal(error: unknown): FormProblems {
  if (!(error instanceof ApiError)) return { fields: {}, form: { key: 'dirForms.error.other', params: { code: error instanceof Error ? error.name : 'network' } } };
  const details = error.details;
  switch (error.code) {
    case 'EMAIL_REQUIRED':
      return { fields: { email: 'dirForms.error.EMAIL_REQUIRED' }, form: undefined };
    case 'UNKNOWN_ROOM': {
      const rooms = typeof details === 'object' && details !== null && 'rooms' in details && Array.isArray(details.rooms) ? details.rooms.join(', ') : '';
      return { fields: {}, form: { key: 'dirForms.error.UNKNOWN_ROOM', params: { rooms } } };
    }
    case 'INVALID': {
      const fields: Record<string, MessageKey> = {};
      for (const issue of Array.isArray(details) ? details : []) {
        const path: unknown = typeof issue === 'object' && issue !== null && 'path' in issue ? issue.path : undefined;
        const field = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.replace(/^\//, '').split('/')[0] ?? '' : '';
        if (field) fields[field] ??= wordOf(field);
      }
      return { fields, form: { key: 'dirForms.error.INVALID' } };
    }
    default: {
      const key = error.code ? formWords[error.code] : undefined;
      return { fields: {}, form: key ? { key } : { key: 'dirForms.error.other', params: { code: error.code ?? String(error.status) } } };
    }
  }
}
