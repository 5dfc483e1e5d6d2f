import type { Money } from '@doorside/edge/contracts';
import type { Translator } from '../../i18n/translator.ts';
import { sendProblem } from '../report/send-problem.ts';

/** An amount in the currency's minor units, written the reader's way (`€ 500,00`, `kr 1 200,00`). */
export function money(lang: string, { amount, currency }: Money): string {
  const format = new Intl.NumberFormat(lang, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** Why an action did not go through, in the vendor's words, chosen by the gateway's code. */
export function explainRefusal({ t }: Translator, error: unknown): string {
  const problem = sendProblem(error);
  switch (problem.kind) {
    case 'network': case 'server': return t('vendor.errorNetwork');
    case 'busy': return t('vendor.errorBusy', { seconds: problem.seconds });
    case 'too-big': return t('vendor.errorTooBig');
    case 'photo': return t('vendor.errorFile');
    case 'not-found': return t('vendor.unknown');
    case 'invalid-field':
      if (problem.field === 'minutes') return t('vendor.errorMinutes');
      if (problem.field === 'reason') return t('vendor.errorReason');
      if (problem.field === 'text') return t('vendor.errorText');
      return t('vendor.errorOther', { message: problem.field });
    case 'other':
      if (problem.code === 'BAD_FILE') return t('vendor.errorFile');
      if (problem.code === 'NO_FILES') return t('vendor.errorNoFiles');
      if (problem.code === 'WORK_ORDER_STATE') return t('vendor.errorState');
      return t('vendor.errorOther', { message: problem.message });
    default:
      return t('vendor.errorOther', { message: problem.kind });
  }
}
