import { readFileSync } from 'node:fs';
import sharp from 'sharp';

/** The sizes the pages and their manifests name; 32 goes into `favicon.ico`. */
export const pngSizes = [192, 512] as const;

/** The PNGs an installed page and a home screen use, rendered from the one SVG mark. */
export async function renderIcons(svgPath: string): Promise<{ svg: Buffer; png: Map<number, Buffer>; ico: Buffer }> {
  const svg = readFileSync(svgPath);
  const png = new Map<number, Buffer>();
  for (const size of pngSizes) png.set(size, await sharp(svg, { density: 72 * size / 512 * 2 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer());
  const small = await sharp(svg).resize(32, 32).png({ compressionLevel: 9 }).toBuffer();
  return { svg, png, ico: icoOf(small, 32) };
}

/** An ICO file holding one PNG image (every browser since 2010 reads PNG inside ICO). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // where the image starts
  return Buffer.concat([header, png]);
}
