import type { Translator } from '../../i18n/translator.ts';
import type { SendProblem } from './send-problem.ts';

/** A failed send on the report page in the occupant's words: what happened, and that nothing typed is lost. */
export function explainProblem({ t }: Translator, problem: SendProblem): string {
  switch (problem.kind) {
    case 'network': return t('report.errorNetwork');
    case 'server': return t('report.errorServer');
    case 'busy': return t('report.errorBusy', { seconds: problem.seconds });
    case 'too-big': return t('report.errorTooBig');
    case 'photo': return t('report.photoRejected');
    case 'code-replaced': return t('report.codeReplaced');
    case 'code-wrong': return t('report.codeWrong');
    case 'not-found': return t('report.roomUnknown');
    case 'invalid-field': return problem.field === 'contact' ? t('report.contactInvalid') : t('report.errorOther', { message: problem.field });
    case 'other': return problem.code === 'NOT_OPEN_TO_OCCUPANTS' ? t('report.noteGone') : t('report.errorOther', { message: problem.message });
  }
}
