import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawableOr, helveticaCovers, qrBox, qrPngFor, qrSheetPdf } from './qr-sheet.ts';

const hasPdftoppm = (() => {
  try {
    execFileSync('which', ['pdftoppm'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// jsqr is CommonJS: Node's ESM loader hands back module.exports ({ default }), vitest the function itself.
const jsQR = jsQRModule.default ?? (jsQRModule as unknown as typeof jsQRModule.default);
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const rooms = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `R${101 + i}`,
    name: i === 1 ? '会议室 一' : `Room ${101 + i}`,
    reportUrl: `https://gw.example/report/R${101 + i}?src=qr&n=${i}`,
  }));

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

function decodeQr(png: PNG, box?: { x: number; y: number; width: number; height: number }): string | undefined {
  const area = box ?? { x: 0, y: 0, width: png.width, height: png.height };
  const data = new Uint8ClampedArray(area.width * area.height * 4);
  for (let row = 0; row < area.height; row++) {
    const from = ((area.y + row) * png.width + area.x) * 4;
    data.set(png.data.subarray(from, from + area.width * 4), row * area.width * 4);
  }
  return jsQR(data, area.width, area.height)?.data;
}

describe('QR sheet PDF', () => {
  it('is a PDF document', async () => {
    const pdf = await qrSheetPdf({ site: 'Oslo HQ', floor: 3, rooms: rooms(2) });

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('puts six labels on a page and starts a new page for the seventh', async () => {
    const [six, seven, twelve] = await Promise.all([6, 7, 12].map((n) => qrSheetPdf({ site: 's', floor: 1, rooms: rooms(n) })));

    expect(pageCount(six!)).toBe(1);
    expect(pageCount(seven!)).toBe(2);
    expect(pageCount(twelve!)).toBe(2);
  });

  it('refuses to make a sheet without rooms', async () => {
    const act = qrSheetPdf({ site: 's', floor: 1, rooms: [] });

    await expect(act).rejects.toThrow(/no rooms/);
  });

  it('encodes exactly the report URL in each label QR code', async () => {
    const url = 'https://gw.example/report/R-7?room=Møterom%20A&x=1#top';

    const png = PNG.sync.read(await qrPngFor(url));

    expect(decodeQr(png)).toBe(url);
  });

  it.skipIf(!hasPdftoppm)('prints QR codes that decode from the rendered pages (needs pdftoppm: install poppler-utils)', async () => {
    const all = rooms(12);
    const dir = mkdtempSync(join(tmpdir(), 'doorside-qr-'));
    const dpi = 150;
    const px = (pt: number) => Math.round((pt * dpi) / 72);

    try {
      writeFileSync(join(dir, 'sheet.pdf'), await qrSheetPdf({ site: 'Oslo HQ', floor: 3, rooms: all }));
      execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'sheet.pdf'), join(dir, 'page')]);
      const pages = [1, 2].map((p) => PNG.sync.read(readFileSync(join(dir, `page-${p}.png`))));
      const decoded = all.map((_, i) => {
        const box = qrBox(i);
        const pad = 8;
        return decodeQr(pages[box.page]!, { x: px(box.x) - pad, y: px(box.y) - pad, width: px(box.width) + 2 * pad, height: px(box.height) + 2 * pad });
      });

      expect(decoded).toEqual(all.map((r) => r.reportUrl));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(DEJAVU))('embeds a given font and draws names with it (needs DejaVu Sans in /usr/share/fonts)', async () => {
    const input = { site: 's', floor: 1, rooms: [{ id: 'K1', name: 'Комната', reportUrl: 'https://gw/r/K1' }], font: { src: DEJAVU } };

    const pdf = await qrSheetPdf(input);

    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});

describe('label names the font cannot draw', () => {
  it('keeps names Helvetica can draw, Western European letters and typographic quotes included', () => {
    const names = ['Room 101', 'Møterom “Ærø” – 2', 'Vergaderzaal Café', 'Salle €'];

    const shown = names.map((n) => drawableOr(n, 'ID', helveticaCovers));

    expect(shown).toEqual(names);
  });

  it('shows the room id instead of a name with Chinese or other glyphs Helvetica lacks', () => {
    const names = ['会议室', 'Room 会议室', 'Комната', 'Room ✓'];

    const shown = names.map((n) => drawableOr(n, 'R102', helveticaCovers));

    expect(shown).toEqual(['R102', 'R102', 'R102', 'R102']);
  });
});
