import { fitInside } from './fit-inside.ts';

/** The longest side a photo leaves the phone with. */
export const MAX_PHOTO_SIDE = 1600;

export interface PreparedPhoto {
  blob: Blob;
  width: number;
  height: number;
  /** An object URL for a thumbnail; revoke it with `releasePhoto`. */
  url: string;
}

export class PhotoUnreadable extends Error {}

/**
 * Shrinks a photo on the phone before it is sent: decoded upright (the camera's rotation
 * applied), drawn onto a canvas at most `maxSide` on its longest side and encoded again as
 * JPEG. A canvas writes no EXIF, so the camera's GPS position and serial never leave the phone,
 * and a slow link carries a few hundred kilobytes instead of several megabytes.
 */
export async function preparePhoto(file: Blob, maxSide = MAX_PHOTO_SIDE, quality = 0.85): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoUnreadable('this image cannot be decoded here');
  }
  try {
    const { width, height } = fitInside(bitmap.width, bitmap.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoUnreadable('no canvas to draw on');
    // A transparent PNG would turn black as JPEG; white reads as paper.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new PhotoUnreadable('the image could not be encoded');
    return { blob, width, height, url: URL.createObjectURL(blob) };
  } finally {
    bitmap.close();
  }
}

export function releasePhoto(photo: PreparedPhoto): void {
  URL.revokeObjectURL(photo.url);
}
