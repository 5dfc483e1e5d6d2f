import { existsSync } from 'node:fs';

/** A font with Chinese letters in one file, and the face to take from it (a collection holds several). */
export interface CjkFont { file: string; face?: string }

/**
 * Where Debian's packages put fonts with Chinese letters: `fonts-wqy-microhei`,
 * `fonts-wqy-zenhei`, `fonts-noto-cjk`.
 */
export const CJK_FONT_CANDIDATES: readonly CjkFont[] = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
];

/** The first candidate present on this machine, or null: a Chinese document then prints in English. */
export function findCjkFont(candidates: readonly CjkFont[] = CJK_FONT_CANDIDATES): CjkFont | null {
  return candidates.find((c) => existsSync(c.file)) ?? null;
}
