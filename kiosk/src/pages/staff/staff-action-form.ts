import { visibleTrim } from '@doorside/edge/contracts';
import { css, type CSSResultGroup, html, type PropertyDeclarations, unsafeCSS } from 'lit';
import '../../components/ds-form-footer.ts';
import { emit } from '../../components/emit.ts';
import { LocalizedElement } from '../../components/localized-element.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Params } from '../../i18n/translator.ts';
import type { StaffAction } from './staff-api.ts';
import { staffBase } from './staff-styles.ts';

/** What a job form asks the page to send: the ticket, the action, its body and any photos. */
export interface TicketAction { ticket: string; action: StaffAction; body?: Record<string, unknown>; photos?: File[] }

/**
 * What the staff's job forms share: the ticket they act on, the busy flag while the page sends,
 * the line that says what is missing, their frame and footer, and how they answer: `ticket-action`
 * with what to send, or `close-form`.
 */
export abstract class StaffActionForm extends LocalizedElement {
  static override properties: PropertyDeclarations = { ticket: {}, busy: { type: Boolean }, problem: { state: true } };
  declare ticket: string;
  declare busy: boolean;
  declare problem: string;

  /** The frame of a job form, its border in the form's colour, and the form's own rules. */
  static framed(border: string, own: CSSResultGroup = []): CSSResultGroup {
    return [staffBase, css`
      form { display: grid; gap: 14px; border: 2px solid ${unsafeCSS(border)}; border-radius: 12px; padding: 14px; }
      h3 { font-size: 1.1rem; }
      .row { display: flex; flex-wrap: wrap; gap: 8px; }
      .row button { flex: 1 1 140px; }
    `, own];
  }

  constructor() {
    super();
    this.ticket = '';
    this.busy = false;
    this.problem = '';
  }

  /** The form's end: what is missing, cancel and the submit button under its label. */
  protected footer(submitLabel: string, submitClass = 'primary') {
    const t = this.speak?.t;
    return html`<ds-form-footer .error=${this.problem} ?busy=${this.busy} submitClass=${submitClass} .submitLabel=${submitLabel}
      .busyLabel=${t?.('staff.working') ?? ''} .cancelLabel=${t?.('staff.cancel') ?? ''} @form-cancel=${() => emit(this, 'close-form')}></ds-form-footer>`;
  }

  /** A text field's words, trimmed of what does not show. */
  protected static words(form: HTMLFormElement, name: string): string {
    return visibleTrim((form.elements.namedItem(name) as HTMLTextAreaElement).value);
  }

  /** Says what is missing, in the user's language, and sends nothing. */
  protected missing(key: MessageKey, params?: Params): void {
    this.problem = this.speak?.t(key, params) ?? '';
  }

  /** Asks the page to send the action. */
  protected act(action: StaffAction, body: Record<string, unknown>, photos?: File[]): void {
    this.problem = '';
    const detail: TicketAction = { ticket: this.ticket, action, body, ...(photos ? { photos } : {}) };
    emit(this, 'ticket-action', detail);
  }
}
