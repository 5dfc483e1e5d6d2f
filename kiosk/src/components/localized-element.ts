import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { translatorContext } from '../i18n/translator-context.ts';
import type { Translator } from '../i18n/translator.ts';

/**
 * A component that speaks the page's language: it reads the translator the page element
 * provides, and renders again when the page switches language.
 */
export class LocalizedElement extends LitElement {
  readonly #translator = new ContextConsumer(this, { context: translatorContext, subscribe: true });

  /** Undefined only while the element is not (yet) under a page that provides one. */
  protected get speak(): Translator | undefined {
    return this.#translator.value;
  }
}
