/**
 * What a vendor's file is by its first bytes: a photo (JPEG, PNG, WebP, HEIC) or a PDF, or
 * undefined for anything else. The central server cannot re-encode a photo as the site does;
 * this refuses a disguised file early, and the site still judges every byte when it applies the step.
 */
export function fileKind(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf' | undefined {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis'].includes(ascii(8, 12))) return 'image/heic';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
}
