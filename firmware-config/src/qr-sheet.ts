import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * A printable A4 sheet of door labels: for each room its name, its id, a QR code that
 * opens the occupant's report page (at least 40 mm across), the call to action in the
 * room's languages and a short address to type in where the code cannot be scanned.
 * Cut along the dashed lines.
 *
 * Fonts: by default the labels use pdfkit's built-in Helvetica, which only has the
 * WinAnsi (Western European) characters, so a room name it cannot draw (Chinese,
 * say) is printed as the room id instead. Pass `font` (a TTF/OTF path or bytes, and
 * for a .ttc the family inside it) to draw such names, e.g. Noto Sans CJK.
 */
export interface QrSheetRoom {
  id: string;
  name: string;
  reportUrl: string;
  /** A short address for typing in, printed under the code. */
  shortUrl?: string;
  /** The call to action, one line per language; default English. */
  callToAction?: string[];
}

export interface QrSheetInput {
  site: string;
  floor: string | number;
  title?: string;
  rooms: QrSheetRoom[];
  font?: { src: string | Buffer; family?: string };
}

const MM = 72 / 25.4;
export const QR_SHEET_LAYOUT = {
  pageWidth: 595.28,
  pageHeight: 841.89,
  margin: 12 * MM,
  header: 24,
  columns: 2,
  rows: 3,
  padding: 8,
  // 4-module quiet zone included: a version-3 code (the shortest report URL) still prints 40 mm wide.
  qrSize: 146,
} as const;
const L = QR_SHEET_LAYOUT;
export const LABELS_PER_PAGE = L.columns * L.rows;
const LABEL_WIDTH = (L.pageWidth - 2 * L.margin) / L.columns;
const LABEL_HEIGHT = (L.pageHeight - 2 * L.margin - L.header) / L.rows;

export interface Box { page: number; x: number; y: number; width: number; height: number }

/** Where label `index` sits: its page (0-based) and its rectangle in PDF points from the top left. */
export function labelBox(index: number): Box {
  const slot = index % LABELS_PER_PAGE;
  return {
    page: Math.floor(index / LABELS_PER_PAGE),
    x: L.margin + (slot % L.columns) * LABEL_WIDTH,
    y: L.margin + L.header + Math.floor(slot / L.columns) * LABEL_HEIGHT,
    width: LABEL_WIDTH,
    height: LABEL_HEIGHT,
  };
}

/** Where the QR code of label `index` is drawn, quiet zone included. */
export function qrBox(index: number): Box {
  return qrIn(labelBox(index));
}

function qrIn(label: Box): Box {
  return { ...label, x: label.x + (label.width - L.qrSize) / 2, y: label.y + L.padding + 34, width: L.qrSize, height: L.qrSize };
}

/** The QR image printed on a label: exactly `url`, error correction M, 4-module quiet zone. */
export function qrPngFor(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Can pdfkit's built-in Helvetica (WinAnsiEncoding) draw this code point? */
export function helveticaCovers(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRAS.has(String.fromCodePoint(codePoint));
}

/** `text` if the font has every glyph in it, else `fallback`. */
export function drawableOr(text: string, fallback: string, covers: (codePoint: number) => boolean): string {
  for (const ch of text) {
    if (!covers(ch.codePointAt(0)!)) return fallback;
  }
  return text;
}

export async function qrSheetPdf(input: QrSheetInput): Promise<Buffer> {
  if (input.rooms.length === 0) throw new Error('no rooms for the QR sheet');
  const qrs = await Promise.all(input.rooms.map((room) => qrPngFor(room.reportUrl)));
  const title = input.title ?? `${input.site} – Floor ${input.floor}`;
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Doorside' } });
  const done = collect(doc);

  const { regular, bold, covers } = useFonts(doc, input.font);
  input.rooms.forEach((room, i) => {
    const box = labelBox(i);
    if (i % LABELS_PER_PAGE === 0) {
      doc.addPage({ size: 'A4', margin: 0 });
      const pageTitle = drawableOr(title, `Floor ${input.floor}`, covers);
      doc.font(bold).fontSize(12).fillColor('black')
        .text(pageTitle, L.margin, L.margin, { width: L.pageWidth - 2 * L.margin, height: L.header, lineBreak: false, ellipsis: true });
    }
    drawLabel(doc, room, box, qrs[i]!, { regular, bold, covers });
  });

  doc.end();
  return done;
}

interface Fonts { regular: string; bold: string; covers: (codePoint: number) => boolean }

function useFonts(doc: PDFKit.PDFDocument, font: QrSheetInput['font']): Fonts {
  if (font === undefined) return { regular: 'Helvetica', bold: 'Helvetica-Bold', covers: helveticaCovers };
  doc.registerFont('label', font.src, font.family);
  doc.font('label');
  // pdfkit keeps the fontkit font it loaded; ask it which glyphs it really has.
  const loaded = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
  const has = loaded?.hasGlyphForCodePoint?.bind(loaded);
  return { regular: 'label', bold: 'label', covers: has ?? helveticaCovers };
}

function drawLabel(doc: PDFKit.PDFDocument, room: QrSheetRoom, box: Box, qr: Buffer, fonts: Fonts): void {
  const inner = box.width - 2 * L.padding;
  doc.save().lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#999999').rect(box.x, box.y, box.width, box.height).stroke().restore();

  const name = drawableOr(room.name, room.id, fonts.covers);
  let size = 20;
  doc.font(fonts.bold).fontSize(size);
  while (size > 12 && doc.widthOfString(name) > inner) doc.fontSize(--size);
  doc.fillColor('black').text(name, box.x + L.padding, box.y + L.padding, { width: inner, height: 22, align: 'center', ellipsis: true });
  doc.font(fonts.regular).fontSize(9).fillColor('#444444')
    .text(drawableOr(room.id, '', fonts.covers), box.x + L.padding, box.y + L.padding + 22, { width: inner, height: 11, align: 'center', ellipsis: true });

  const qr0 = qrIn(box);
  doc.image(qr, qr0.x, qr0.y, { width: L.qrSize, height: L.qrSize });

  // A line the font cannot draw is left out rather than printed as boxes.
  const lines = (room.callToAction ?? ['Scan to report a problem']).filter((line) => drawableOr(line, '', fonts.covers) !== '');
  let y = qr0.y + L.qrSize + 2;
  doc.font(fonts.regular).fontSize(8.5).fillColor('black');
  for (const line of lines) {
    doc.text(line, box.x + L.padding, y, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
    y += 10;
  }
  if (room.shortUrl) {
    doc.font(fonts.bold).fontSize(9.5).fillColor('black')
      .text(room.shortUrl, box.x + L.padding, y + 1, { width: inner, align: 'center', lineBreak: false, ellipsis: true });
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
