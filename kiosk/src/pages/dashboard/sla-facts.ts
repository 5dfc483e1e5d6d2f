import type { SlaClock, TicketSla } from '@doorside/edge/contracts';
import { html, nothing } from 'lit';
import type { Translator } from '../../i18n/translator.ts';
import { durationWords } from './duration-words.ts';

function dueWords(speak: Translator, clock: SlaClock, stopped: 'slaMark.answered' | 'slaMark.stopped', now: Date) {
  if (clock.dueAt) return html`<time datetime=${clock.dueAt}>${speak.time(clock.dueAt, now)}</time>`;
  if (clock.state === 'stopped') return speak.t(stopped);
  return speak.t('slaMark.onHold');
}

/**
 * A ticket's clocks in its detail: when the answer and the resolution are due, the working time
 * it spent paused, and when it breached (the first clock to run out). Times by the language's rules.
 */
export function slaFacts(speak: Translator, sla: TicketSla | undefined, now: Date) {
  const { t } = speak;
  if (!sla) return html`<section aria-labelledby="sla-title" data-sla-facts="none"><h3 id="sla-title">${t('slaMark.title')}</h3><p class="muted">${t('slaMark.noClock')}</p></section>`;
  const breaches = [sla.response.breachedAt, sla.resolution.breachedAt].filter((b): b is string => b !== null).sort();
  const breachedAt = breaches[0];
  return html`
    <section aria-labelledby="sla-title" data-sla-facts=${sla.breached ? 'breached' : sla.paused ? 'paused' : 'running'}>
      <h3 id="sla-title">${t('slaMark.title')}</h3>
      <dl>
        <dt>${t('slaMark.responseDue')}</dt><dd data-sla-fact="response">${dueWords(speak, sla.response, 'slaMark.answered', now)}</dd>
        <dt>${t('slaMark.resolutionDue')}</dt><dd data-sla-fact="resolution">${dueWords(speak, sla.resolution, 'slaMark.stopped', now)}</dd>
        <dt>${t('slaMark.pausedFor')}</dt><dd data-sla-fact="paused">${durationWords(sla.pausedMs / 60_000, t)}${sla.paused ? html` · ${t('slaMark.onHold')}` : nothing}</dd>
        <dt>${t('slaMark.breachedAt')}</dt><dd data-sla-fact="breached" class=${breachedAt ? 'late' : ''}>${breachedAt ? html`<time datetime=${breachedAt}>${speak.time(breachedAt, now)}</time>` : t('slaMark.notBreached')}</dd>
      </dl>
    </section>`;
}
