// Photos are known by their bytes, and a public sender's photo leaves its metadata behind.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/test-db.js';
import { createPhotoStore, detectImageType, stripMetadata } from './photos.js';

/** A JPEG skeleton: SOI, an APP1 Exif segment holding "GPS", a DQT, then SOS and data, EOI. */
function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0GPS 29.5N 104.0E', 'latin1')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([0, exif.length + 2]), exif]);
  const dqt = Buffer.from([0xff, 0xdb, 0x00, 0x04, 0x00, 0x01]);
  const scan = Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, dqt, scan]);
}

describe('photo bytes', () => {
  it('recognises JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(detectImageType(jpegWithExif())).toBe('image/jpeg');
    expect(detectImageType(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
    expect(detectImageType(Buffer.from('RIFF\x10\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(Buffer.from('GIF89a'))).toBeNull();
  });

  it('drops a JPEG’s Exif segment (where the GPS position is) and keeps the image data', () => {
    const stripped = stripMetadata(jpegWithExif(), 'image/jpeg');
    expect(stripped.includes(Buffer.from('GPS'))).toBe(false);
    expect(stripped.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(stripped.includes(Buffer.from([0xff, 0xdb]))).toBe(true);
    expect(stripped.subarray(-9)).toEqual(Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0x33, 0xff, 0xd9]));
  });

  it('drops a PNG’s eXIf and text chunks', () => {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', Buffer.alloc(13)), chunk('eXIf', Buffer.from('GPS')), chunk('tEXt', Buffer.from('Author\0me')), chunk('IDAT', Buffer.from('xx')), chunk('IEND', Buffer.alloc(0))]);
    const stripped = stripMetadata(png, 'image/png');
    expect(stripped.includes(Buffer.from('eXIf'))).toBe(false);
    expect(stripped.includes(Buffer.from('tEXt'))).toBe(false);
    expect(stripped.includes(Buffer.from('IDAT'))).toBe(true);
  });

  it('drops a WebP’s EXIF chunk and says so in its header', () => {
    const chunk = (type: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from(type, 'latin1'), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x08;
    const body = Buffer.concat([chunk('VP8X', vp8x), chunk('VP8 ', Buffer.from('data')), chunk('EXIF', Buffer.from('GPS!'))]);
    const header = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WEBP', 'latin1')]);
    header.writeUInt32LE(body.length + 4, 4);
    const stripped = stripMetadata(Buffer.concat([header, body]), 'image/webp');
    expect(stripped.includes(Buffer.from('EXIF'))).toBe(false);
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8);
    expect(stripped[20]).toBe(0);
  });
});

describe('the photo store', () => {
  it('keeps one file per content, named by its SHA-256', () => {
    const dir = makeTempDir();
    const store = createPhotoStore(dir);
    const first = store.put(jpegWithExif(), 'image/jpeg');
    const second = store.put(jpegWithExif(), 'image/jpeg');
    expect(second.id).toBe(first.id);
    expect(fs.readFileSync(store.fileOf(first.id))).toEqual(jpegWithExif());
    expect(fs.readdirSync(`${dir}/photos/${first.id.slice(0, 2)}`)).toEqual([first.id]);
    expect(() => store.fileOf('../../etc/passwd')).toThrow(RangeError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
