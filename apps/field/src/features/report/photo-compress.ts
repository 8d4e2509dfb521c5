// Photos are shrunk on the phone before they wait in the outbox: a 12-megapixel camera picture
// becomes a JPEG whose long side is at most 1600 px (a few hundred KB), which a weak signal can carry.
export const MAX_PHOTO_SIDE = 1600;
const QUALITY = 0.8;

export function scaledSize(width: number, height: number, maxSide = MAX_PHOTO_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if ('createImageBitmap' in window) {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  await image.decode();
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

/** The photo as a JPEG of at most 1600 px on its long side; the original if the phone cannot decode it. */
export async function compressPhoto(file: Blob): Promise<Blob> {
  let decoded;
  try {
    decoded = await decode(file);
  } catch {
    return file;
  }
  try {
    const { width, height } = scaledSize(decoded.width, decoded.height);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    // JPEG has no transparency: a white ground instead of black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(decoded.source, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    return blob ?? file;
  } finally {
    decoded.close();
  }
}
