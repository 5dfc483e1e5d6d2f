import type { Translator } from '../../../i18n/translator.ts';
import { explainProblem } from '../explain-problem.ts';
import type { SendProblem } from '../send-problem.ts';

/** A refused booking in the occupant's words, chosen by the gateway's code: what to do next, and that nothing was ordered. */
export function explainRefusal(speak: Translator, problem: SendProblem, maxQuantity: number): string {
  const { t } = speak;
  if (problem.kind === 'invalid-field') {
    if (problem.field === 'contact') return t('order.contactRefused');
    if (problem.field === 'quantity') return t('order.quantityRefused', { max: maxQuantity });
    if (problem.field === 'slot') return t('order.slotClosed');
  }
  if (problem.kind === 'other') {
    switch (problem.code) {
      case 'SLOT_FULL': return t('order.slotTaken');
      case 'SLOT_IN_PAST':
      case 'NOT_A_SLOT': return t('order.slotClosed');
      case 'QUANTITY_NOT_ALLOWED': return t('order.quantityRefused', { max: maxQuantity });
      case 'SERVICE_NOT_BOOKABLE':
      case 'UNKNOWN_SERVICE': return t('order.notBookable');
      default: break;
    }
  }
  return explainProblem(speak, problem);
}
