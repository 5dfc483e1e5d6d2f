import { LitElement } from 'lit';
import { provideTranslator } from '../i18n/translator-context.ts';
import type { Lang } from '../i18n/index.ts';
import { type Translator, translator } from '../i18n/translator.ts';

/**
 * A page element: it holds the page's translator and provides it to every component
 * under it (`LocalizedElement`). Setting another one switches the whole page's language.
 */
export class LocalizingPage extends LitElement {
  readonly #translator = provideTranslator(this);

  get speak(): Translator {
    return this.#translator.value;
  }

  set speak(next: Translator) {
    this.#translator.setValue(next);
    this.requestUpdate();
  }

  /** Another language for the whole page, kept in the address so a reload keeps it. */
  protected switchLanguage(lang: Lang): void {
    this.speak = translator(lang);
    document.documentElement.lang = lang;
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }
}
