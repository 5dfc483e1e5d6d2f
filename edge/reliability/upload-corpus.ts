import sharp from 'sharp';

/** One file of the upload corpus and what it must not leave in a stored photo. */
export interface CorpusFile { name: string; bytes: Buffer; type: string; filename: string; forbidden: string[] }

const MARK = 'doorside-corpus-marker';

/** CRC-32 (PNG's), for hand-made chunks. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** Inserts chunks right after IHDR (8-byte signature + 25-byte IHDR chunk). */
const withPngChunks = (png: Buffer, chunks: Buffer[]) => Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);

/** Rewrites a baseline JPEG's frame header to claim other dimensions. */
function claimDimensions(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && (out[i + 1] === 0xc0 || out[i + 1] === 0xc2)) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no frame header');
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } }).composite([{
    input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="teal"/></svg>`),
  }]);

/**
 * Hostile and awkward uploads, made here with sharp and a few bytes by hand: decompression
 * bombs, polyglots, SVG with script, EXIF with GPS, huge dimensions, truncated and foreign
 * formats, PNG text chunks. Each must be refused, or re-encoded with none of its extras.
 */
export async function uploadCorpus(): Promise<CorpusFile[]> {
  const jpeg = await photo(640, 480).jpeg().toBuffer();
  const png = await photo(320, 240).png().toBuffer();
  const gps = { IFD0: { Copyright: MARK, ImageDescription: MARK }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '10/1 45/1 0/1' } };
  const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="59,54.0N" exif:GPSLongitude="10,45.0E">${MARK}</rdf:Description></rdf:RDF></x:xmpmeta>`;
  const exifGps = await photo(800, 600).jpeg().withExif(gps).toBuffer();
  const files: CorpusFile[] = [
    { name: 'plain JPEG (control)', bytes: jpeg, type: 'image/jpeg', filename: 'plain.jpg', forbidden: [] },
    { name: 'JPEG with EXIF GPS and copyright', bytes: exifGps, type: 'image/jpeg', filename: 'gps.jpg', forbidden: [MARK, 'GPS', 'Exif'] },
    { name: 'JPEG with EXIF GPS and XMP', bytes: await photo(800, 600).jpeg().withExif(gps).withXmp(xmp).toBuffer(), type: 'image/jpeg', filename: 'gps-xmp.jpg', forbidden: [MARK, 'GPS', 'xmpmeta'] },
    { name: 'rotated JPEG with EXIF orientation 6 and GPS', bytes: await photo(600, 400).jpeg().withExif(gps).withMetadata({ orientation: 6 }).toBuffer(), type: 'image/jpeg', filename: 'rotated.jpg', forbidden: [MARK, 'GPS'] },
    { name: 'WebP with EXIF GPS', bytes: await photo(400, 300).webp().withExif(gps).toBuffer(), type: 'image/webp', filename: 'gps.webp', forbidden: [MARK, 'GPS'] },
    { name: 'PNG with tEXt and iTXt (XMP) chunks', bytes: withPngChunks(png, [
      pngChunk('tEXt', Buffer.from(`Comment\x00<script>alert(1)</script>${MARK}`, 'latin1')),
      pngChunk('tEXt', Buffer.from(`GPSPosition\x0059.9N 10.75E ${MARK}`, 'latin1')),
      pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\x00\x00\x00\x00\x00${xmp}`, 'utf8')),
    ]), type: 'image/png', filename: 'text.png', forbidden: [MARK, '<script', 'xmpmeta'] },
    { name: 'PNG decompression bomb (8,000 x 8,000, one colour)', bytes: await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#000' } }).greyscale().png({ compressionLevel: 9, palette: true }).toBuffer(), type: 'image/png', filename: 'bomb.png', forbidden: [] },
    { name: 'JPEG claiming 65,500 x 65,500 in its header', bytes: claimDimensions(jpeg, 65_500, 65_500), type: 'image/jpeg', filename: 'huge-header.jpg', forbidden: [] },
    { name: 'JPEG of 7,000 x 7,000 (49 MP)', bytes: await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#888' } }).jpeg({ quality: 10 }).toBuffer(), type: 'image/jpeg', filename: 'huge.jpg', forbidden: [] },
    { name: 'WebP of 16,000 x 100 (long strip)', bytes: await sharp({ create: { width: 16_000, height: 100, channels: 3, background: '#123' } }).webp().toBuffer(), type: 'image/webp', filename: 'strip.webp', forbidden: [] },
    { name: 'truncated JPEG (first half)', bytes: exifGps.subarray(0, Math.floor(exifGps.length / 2)), type: 'image/jpeg', filename: 'cut.jpg', forbidden: [MARK, 'GPS'] },
    { name: 'truncated JPEG (header only)', bytes: jpeg.subarray(0, 200), type: 'image/jpeg', filename: 'head.jpg', forbidden: [] },
    { name: 'truncated PNG', bytes: png.subarray(0, Math.floor(png.length * 0.6)), type: 'image/png', filename: 'cut.png', forbidden: [] },
    { name: 'JPEG + ZIP polyglot', bytes: Buffer.concat([jpeg, Buffer.from(`PK\x03\x04${MARK}payload.js`, 'latin1')]), type: 'image/jpeg', filename: 'poly.jpg', forbidden: [MARK, 'PK\x03\x04'] },
    { name: 'JPEG + HTML/script polyglot', bytes: Buffer.concat([jpeg, Buffer.from(`<html><script>alert('${MARK}')</script></html>`)]), type: 'image/jpeg', filename: 'poly.html.jpg', forbidden: [MARK, '<script'] },
    { name: 'JPEG comment segment with script', bytes: Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x30]), Buffer.from(`<script>${MARK}</script>`.padEnd(46, ' ')), jpeg.subarray(2)]), type: 'image/jpeg', filename: 'com.jpg', forbidden: [MARK, '<script'] },
    { name: 'GIF/JavaScript polyglot', bytes: Buffer.from(`GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert('${MARK}');`, 'latin1'), type: 'image/gif', filename: 'poly.gif', forbidden: [MARK] },
    { name: 'SVG with script', bytes: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert('${MARK}')</script><rect width="100" height="100"/></svg>`), type: 'image/svg+xml', filename: 'x.svg', forbidden: [MARK] },
    { name: 'SVG billion laughs', bytes: Buffer.from(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "${MARK}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&d;&d;&d;&d;</text></svg>`), type: 'image/svg+xml', filename: 'laughs.svg', forbidden: [MARK] },
    { name: 'SVG named .jpg', bytes: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><rect width="50" height="50"/></svg>`), type: 'image/jpeg', filename: 'svg.jpg', forbidden: [] },
    { name: 'GIF image', bytes: await photo(64, 64).gif().toBuffer(), type: 'image/gif', filename: 'a.gif', forbidden: [] },
    { name: 'TIFF with EXIF GPS', bytes: await photo(64, 64).tiff().withExif(gps).toBuffer(), type: 'image/tiff', filename: 'gps.tiff', forbidden: [MARK] },
    { name: 'HTML named .png', bytes: Buffer.from(`<!doctype html><script>${MARK}</script>`), type: 'image/png', filename: 'page.png', forbidden: [MARK] },
    { name: 'PDF named .jpg', bytes: Buffer.from(`%PDF-1.4\n1 0 obj<<>>endobj\n% ${MARK}\n%%EOF`), type: 'image/jpeg', filename: 'doc.jpg', forbidden: [MARK] },
    { name: 'empty file', bytes: Buffer.alloc(0), type: 'image/jpeg', filename: 'empty.jpg', forbidden: [] },
    { name: 'random bytes', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251)), type: 'image/jpeg', filename: 'noise.jpg', forbidden: [] },
    { name: 'JPEG magic then random bytes', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 40503) % 256))]), type: 'image/jpeg', filename: 'magic.jpg', forbidden: [] },
    { name: 'file over the 10 MB limit', bytes: Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024 + 1)]), type: 'image/jpeg', filename: 'big.jpg', forbidden: [] },
  ];
  return files;
}
