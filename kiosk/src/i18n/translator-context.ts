import { ContextProvider, createContext } from '@lit/context';
import type { ReactiveElement } from 'lit';
import type { Translator } from './translator.ts';

/** The page's translator: the page element provides it, every component under it reads it from here. */
export const translatorContext = createContext<Translator>(Symbol('translator'));

/**
 * Makes `host` (a page element) the translator's provider. Setting a new value (another
 * language) re-renders every component that reads it.
 */
export function provideTranslator(host: ReactiveElement, initial?: Translator): ContextProvider<typeof translatorContext> {
  return new ContextProvider(host, { context: translatorContext, ...(initial ? { initialValue: initial } : {}) });
}
