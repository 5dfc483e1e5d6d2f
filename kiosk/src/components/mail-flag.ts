import type { Ticket } from '@doorside/edge/contracts';
import { css, html, nothing } from 'lit';
import type { Translator } from '../i18n/translator.ts';

/**
 * The warning a ticket carries once its reporter's mail address bounced for good: staff
 * see that a reply by mail will not reach them. Pages add `mailFlagStyles`.
 */
export function mailFlag(speak: Translator, ticket: Ticket) {
  if (!ticket.contactUndeliverable) return nothing;
  return html`<div class="mail-flag" role="note" data-mail-undeliverable>
    <strong><span aria-hidden="true">⚠ </span>${speak.t('mailFlags.undeliverable')}</strong>
    <p>${speak.t('mailFlags.undeliverableDetail', { contact: ticket.reporter.contact ?? '' })}</p>
  </div>`;
}

/** The warning's look, the same on every page: dark red on pale red, readable at a glance. */
export const mailFlagStyles = css`
  .mail-flag { border: 2px solid #8a000c; border-left-width: 8px; border-radius: 8px; background: #fff1f1; color: #5c0008; padding: 8px 12px; }
  .mail-flag p { margin: 4px 0 0; overflow-wrap: anywhere; }
`;
