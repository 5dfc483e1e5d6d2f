import { existsSync } from 'node:fs';

/**
 * The few words the gateway prints itself: the QR sheet is a PDF made here, and a mistyped
 * short code gets a page made here, so neither can use the pages' catalogs.
 */
export const PRINTED_LANGUAGES = ['en', 'zh', 'nb', 'nl'] as const;
export type PrintedLanguage = (typeof PRINTED_LANGUAGES)[number];

export const PRINTED_WORDS: Record<PrintedLanguage, { scan: string; floor: (n: number) => string; unknownCode: string; unknownCodeHelp: string }> = {
  en: {
    scan: 'Scan to report a problem',
    floor: (n) => `Floor ${n}`,
    unknownCode: 'This room code is not known',
    unknownCodeHelp: 'Check the code on the sticker, or ask reception.',
  },
  zh: {
    scan: '扫码报告问题',
    floor: (n) => `${n} 楼`,
    unknownCode: '找不到这个房间代码',
    unknownCodeHelp: '请核对贴纸上的代码，或询问前台。',
  },
  nb: {
    scan: 'Skann for å melde et problem',
    floor: (n) => `Etasje ${n}`,
    unknownCode: 'Denne romkoden er ukjent',
    unknownCodeHelp: 'Sjekk koden på klistremerket, eller spør i resepsjonen.',
  },
  nl: {
    scan: 'Scan om een probleem te melden',
    floor: (n) => `Verdieping ${n}`,
    unknownCode: 'Deze ruimtecode is onbekend',
    unknownCodeHelp: 'Controleer de code op de sticker of vraag het aan de receptie.',
  },
};

const isPrinted = (lang: string): lang is PrintedLanguage => (PRINTED_LANGUAGES as readonly string[]).includes(lang);

/** The languages a room's label speaks: the room's own (where a room lists them), else all four. */
export function labelLanguages(room: object): PrintedLanguage[] {
  const given = 'languages' in room && Array.isArray(room.languages) ? (room.languages as unknown[]) : [];
  const own = given.filter((l): l is string => typeof l === 'string').filter(isPrinted);
  return own.length > 0 ? own : [...PRINTED_LANGUAGES];
}

/** The call to action under a room's code, a line per language. */
export function qrSheetLanguages(room: object): string[] {
  return labelLanguages(room).map((lang) => PRINTED_WORDS[lang].scan);
}

/** The sheet's title: the site's name and the floor in each language printed. */
export function qrSheetTitle(siteName: string, floor: number, languages: readonly PrintedLanguage[] = PRINTED_LANGUAGES): string {
  return `${siteName} · ${languages.map((lang) => PRINTED_WORDS[lang].floor(floor)).join(' / ')}`;
}

/** Debian's fonts-wqy-microhei: Latin and CJK in one font, so Chinese names and words print. */
const CJK_FONT = { src: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' };

/** The CJK font when the machine has it; without it the sheet falls back to Helvetica and leaves Chinese out. */
export function qrSheetFont(): { src: string; family: string } | undefined {
  return existsSync(CJK_FONT.src) ? CJK_FONT : undefined;
}
