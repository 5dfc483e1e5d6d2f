import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogs, type Lang, type MessageKey } from '../i18n/index.ts';
import type { PageShell } from '../pages/page-shells.ts';
import { pngSizes, renderIcons } from './render-icons.ts';

/** What the gateway needs to answer `/<page>.webmanifest`: per installable page, its look and its names per language. */
export interface AppEntry {
  display: 'fullscreen' | 'standalone';
  theme_color: string;
  background_color: string;
  names: Record<Lang, { name: string; short_name: string }>;
}

/**
 * Writes `dist/icons/` (the SVG mark, PNGs at 192 and 512, `favicon.ico`) and `dist/apps.json`,
 * the installable pages with their names taken from the `install.<page>.*` catalog entries.
 */
export async function writeAppFiles(dist: string, shells: Record<string, PageShell>, write: (path: string, contents: string | Uint8Array) => void): Promise<void> {
  const icons = await renderIcons(join(import.meta.dirname, 'doorside.svg'));
  mkdirSync(join(dist, 'icons'), { recursive: true });
  write(join(dist, 'icons', 'doorside.svg'), icons.svg);
  for (const size of pngSizes) write(join(dist, 'icons', `doorside-${size}.png`), icons.png.get(size)!);
  write(join(dist, 'icons', 'favicon.ico'), icons.ico);

  const apps: Record<string, AppEntry> = {};
  for (const [page, shell] of Object.entries(shells)) {
    if (!shell.app) continue;
    const names = Object.fromEntries(Object.entries(catalogs).map(([lang, catalog]) => {
      const word = (key: string) => {
        const text = (catalog as Record<string, string>)[key];
        if (text === undefined) throw new Error(`kiosk: the catalog ${lang} has no ${key as MessageKey}`);
        return text;
      };
      return [lang, { name: word(`install.${page}.name`), short_name: word(`install.${page}.short`) }];
    })) as AppEntry['names'];
    apps[page] = { display: shell.app.display, theme_color: shell.themeColor, background_color: shell.app.background, names };
  }
  write(join(dist, 'apps.json'), `${JSON.stringify(apps, null, 2)}\n`);
}
