import { chainBreaks, cutBacks, type AlertView } from '@doorside/cloud-bridge/central-views';
import type { MessageKey } from '../../i18n/index.ts';
import type { Translator } from '../../i18n/translator.ts';

const count = (value: string | number | undefined) => (typeof value === 'number' ? value : Number(value ?? 0) || 0);

function reasonWord(t: Translator['t'], reason: string | number | undefined, known: readonly string[], prefix: 'break' | 'cut'): string {
  const code = String(reason ?? '');
  return known.includes(code) ? t(`centralAlerts.${prefix}.${code}` as MessageKey) : t('centralAlerts.unknownReason');
}

/**
 * An alert in the reader's language, from its code and parameters. Alerts raised before the
 * central server kept codes, and codes this page does not know, show the server's English text.
 */
export function alertWords(speak: Translator, alert: AlertView): string {
  const { t } = speak;
  const p = alert.params;
  switch (alert.code) {
    case 'site-restored': {
      const restored = speak.plural('centralAlerts.siteRestored', count(p['archived']), { after: count(p['after']), cutOff: count(p['cutOff']), line: count(p['line']) });
      const requeued = count(p['requeued']);
      return requeued > 0 ? `${restored} ${speak.plural('centralAlerts.requeued', requeued)}` : restored;
    }
    case 'chain-broken':
      return t('centralAlerts.chainBroken', { seq: count(p['seq']), reason: reasonWord(t, p['reason'], chainBreaks, 'break') });
    case 'log-cut-back':
      return t('centralAlerts.logCutBack', { head: count(p['head']), cursor: count(p['cursor']), reason: reasonWord(t, p['reason'], cutBacks, 'cut') });
    default:
      return alert.message;
  }
}
