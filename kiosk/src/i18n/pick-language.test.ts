import { describe, expect, it } from 'vitest';
import { pickLanguage } from './pick-language.ts';

const query = (search: string) => new URLSearchParams(search);

describe('choosing the page language', () => {
  it('takes ?lang= over the browser languages', () => {
    const browser = ['nl-NL', 'en'];

    const choice = pickLanguage(query('lang=zh'), browser);

    expect(choice).toEqual({ lang: 'zh', shown: ['zh'] });
  });

  it('takes the first browser language it knows, region tags included', () => {
    const browser = ['fr-FR', 'zh-CN', 'en'];

    const choice = pickLanguage(query(''), browser);

    expect(choice.lang).toBe('zh');
  });

  it('reads Norwegian as bokmål', () => {
    const browser = ['no'];

    const choice = pickLanguage(query(''), browser);

    expect(choice.lang).toBe('nb');
  });

  it('falls back to English when nothing matches', () => {
    const browser = ['fr', 'de'];

    const choice = pickLanguage(query('lang=xx'), browser);

    expect(choice.lang).toBe('en');
  });

  it('shows the word in every site language, the chosen one first', () => {
    const browser = ['nb-NO'];

    const choice = pickLanguage(query('langs=en,nb,nl'), browser);

    expect(choice).toEqual({ lang: 'nb', shown: ['nb', 'en', 'nl'] });
  });

  it('picks from the site languages only when the browser prefers another', () => {
    const browser = ['zh-CN'];

    const choice = pickLanguage(query('langs=nl,en'), browser);

    expect(choice.lang).toBe('nl');
  });
});
