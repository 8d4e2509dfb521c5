// Photos of events: recognised by their bytes (not their name or the type the phone claims),
// stored once per content under the data directory, named by the SHA-256 of what is stored.
// Photos from the public lose their metadata (EXIF, XMP: the GPS position of the sender's home).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type the bytes are, or null when they are none of ours. */
export function detectImageType(bytes: Uint8Array): PhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

/**
 * A JPEG without its APPn metadata segments other than JFIF (APP0) and the Adobe colour marker
 * (APP14), and without comments. Image data after SOS is copied as it is.
 */
function stripJpeg(bytes: Buffer): Buffer {
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return bytes; // not a segment boundary: leave the file alone
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xda) {
      parts.push(bytes.subarray(offset));
      return Buffer.concat(parts);
    }
    const length = bytes.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (end > bytes.length) return bytes;
    const isMetadata = (marker >= 0xe1 && marker <= 0xef && marker !== 0xee) || marker === 0xfe;
    if (!isMetadata) parts.push(bytes.subarray(offset, end));
    offset = end;
  }
  return bytes;
}

/** A PNG without eXIf, tEXt, zTXt, iTXt and tIME chunks. */
function stripPng(bytes: Buffer): Buffer {
  const parts: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = ascii(bytes, offset + 4, 4);
    const end = offset + 12 + length;
    if (end > bytes.length) return bytes;
    if (!['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'].includes(type)) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

/** A WebP without EXIF and XMP chunks, its VP8X flags and RIFF size set to match. */
function stripWebp(bytes: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const type = ascii(bytes, offset, 4);
    const size = bytes.readUInt32LE(offset + 4);
    const end = offset + 8 + size + (size % 2);
    if (end > bytes.length + 1) return bytes;
    const chunk = Buffer.from(bytes.subarray(offset, Math.min(end, bytes.length)));
    if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] ?? 0) & ~(0x08 | 0x04); // EXIF and XMP flags off
    if (type !== 'EXIF' && type !== 'XMP ') chunks.push(chunk);
    offset = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'ascii');
  return Buffer.concat([header, body]);
}

/** The image without the metadata that can tell where it was taken or by whom. */
export function stripMetadata(bytes: Buffer, mime: PhotoMime): Buffer {
  switch (mime) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    default: {
      const unexpected: never = mime;
      throw new TypeError(`unexpected image type ${String(unexpected)}`);
    }
  }
}

export interface StoredPhoto {
  readonly id: string;
  readonly mime: PhotoMime;
  readonly bytes: number;
}

export interface PhotoStore {
  /** Stores the bytes once (a second upload of the same content is a no-op) and names them. */
  put(bytes: Buffer, mime: PhotoMime): StoredPhoto;
  /** Where the file of a photo is. */
  fileOf(id: string): string;
}

/**
 * Writes the bytes to `file` unless it exists: written aside, flushed and renamed, so a crash never
 * leaves half a file under its final name. Content-addressed stores call it with the hash as name.
 */
export function writeOnce(file: string, bytes: Buffer): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(handle, bytes);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, file);
}

export function createPhotoStore(dataDir: string): PhotoStore {
  const root = path.join(dataDir, 'photos');
  const fileOf = (id: string) => {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new RangeError('not a photo id');
    return path.join(root, id.slice(0, 2), id);
  };
  return {
    fileOf,
    put(bytes, mime) {
      const id = createHash('sha256').update(bytes).digest('hex');
      writeOnce(fileOf(id), bytes);
      return { id, mime, bytes: bytes.length };
    },
  };
}
