import type { TicketSla } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import type { Translator } from '../i18n/translator.ts';

/** The next due time of a ticket's clocks: the sooner of the response and the resolution due, if either runs. */
export function nextDue(sla: TicketSla): string | null {
  const dues = [sla.responseDueAt, sla.resolutionDueAt].filter((d): d is string => d !== null);
  return dues.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}

/**
 * A ticket's service level in a list, in a few words: breached, paused, or when it is next
 * due (a clock time by the language's rules, with the date when not today). Nothing for a
 * ticket without clocks or whose clocks have stopped in time.
 */
export function slaMark(speak: Translator, sla: TicketSla | undefined, now: Date) {
  if (!sla) return nothing;
  if (sla.breached) return html`<span class="sla-mark breached" data-sla="breached">${speak.t('slaMark.breached')}</span>`;
  if (sla.paused) return html`<span class="sla-mark paused" data-sla="paused">${speak.t('slaMark.paused')}</span>`;
  const due = nextDue(sla);
  if (!due) return nothing;
  return html`<span class="sla-mark due" data-sla="due"><time datetime=${due}>${speak.t('slaMark.due', { time: speak.time(due, now) })}</time></span>`;
}

export const slaMarkStyles = css`
  .sla-mark { display: inline-block; justify-self: start; margin: 2px 0 0 6px; padding: 1px 6px; border-radius: 4px; font-size: 0.8rem; font-weight: 700; border: 1px solid currentColor; }
  .sla-mark.breached { background: #a4000f; border-color: #a4000f; color: #fff; }
  .sla-mark.paused { color: #5a4a00; background: #fff8d6; }
  .sla-mark.due { color: #0b3d91; background: #f4f6fb; }
`;
