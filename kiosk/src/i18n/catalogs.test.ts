import { describe, expect, it } from 'vitest';
import { catalogs, languages } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const others = languages.filter((lang) => lang !== 'en');

describe('the message catalogs', () => {
  it.each(others)('%s has exactly the keys of the English catalog', (lang) => {
    const expected = Object.keys(catalogs.en).sort();

    const actual = Object.keys(catalogs[lang]).sort();

    expect(actual).toEqual(expected);
  });

  it.each(others)('%s uses the same {placeholders} as English in every message', (lang) => {
    const english = Object.entries(catalogs.en).map(([key, text]) => [key, placeholders(text)]);

    const translated = Object.entries(catalogs.en).map(([key]) => [key, placeholders(catalogs[lang][key as keyof typeof catalogs.en])]);

    expect(translated).toEqual(english);
  });

  it.each(languages)('%s has no empty message and no untranslated status word outside English', (lang) => {
    const catalog = catalogs[lang];

    const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '');
    const copied = lang === 'en' ? [] : (['status.available', 'status.do_not_use'] as const).filter((k) => catalog[k] === catalogs.en[k]);

    expect(empty).toEqual([]);
    expect(copied).toEqual([]);
  });
});
