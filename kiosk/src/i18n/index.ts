import { type Catalog, en } from './en/index.ts';
import { nb } from './nb/index.ts';
import { nl } from './nl/index.ts';
import { zh } from './zh/index.ts';

export type { Catalog, MessageKey } from './en/index.ts';

/** Adding a language: one catalog folder (a file per page area), one line here. The first entry is the fallback. */
export const catalogs = { en, zh, nb, nl } satisfies Record<string, Catalog>;

export type Lang = keyof typeof catalogs;
export const languages = Object.keys(catalogs) as Lang[];

export const isLang = (value: string): value is Lang => Object.hasOwn(catalogs, value);
