import { type Catalog, en } from './en.ts';
import { nb } from './nb.ts';
import { nl } from './nl.ts';
import { zh } from './zh.ts';

export type { Catalog, MessageKey } from './en.ts';

/** Adding a language: one catalog file, one line here. The first entry is the fallback. */
export const catalogs = { en, zh, nb, nl } satisfies Record<string, Catalog>;

export type Lang = keyof typeof catalogs;
export const languages = Object.keys(catalogs) as Lang[];

export const isLang = (value: string): value is Lang => Object.hasOwn(catalogs, value);
