// Attachments: the documents and images that information reports, trainings and checklists carry.
// Like photos, their type is read from the bytes (never the name or the type the browser claims)
// and each content is stored once under the data directory, named by its SHA-256.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { detectImageType, writeOnce } from './photos.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const OLE_BY_EXTENSION: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  wps: 'application/msword', // WPS 文字 files in the old binary format
  xls: 'application/vnd.ms-excel',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  dps: 'application/vnd.ms-powerpoint',
};

const OOXML_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** The type of an attachment from its bytes (and, for old Office files, its extension), or null when it is none we accept. */
export function detectAttachmentType(bytes: Buffer, name: string): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const image = detectImageType(bytes);
  if (image) return image;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML package is a zip whose entry names (in each local header and in the
    // central directory) say which application's parts it holds.
    if (bytes.indexOf('[Content_Types].xml', 0, 'latin1') < 0) return null;
    const found = OOXML_PARTS.find(([prefix]) => bytes.indexOf(`${prefix}`, 0, 'latin1') >= 0 && bytes.indexOf(`${prefix}_rels`, 0, 'latin1') >= 0);
    return found ? found[1] : null;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return OLE_BY_EXTENSION[path.extname(name).slice(1).toLowerCase()] ?? null;
  }
  return null;
}

/** The name as it may be shown and sent back: no folders, no control characters, at most 200 characters. */
export function cleanAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
}

export interface AttachmentStore {
  /** Stores the bytes once and answers their SHA-256. */
  put(bytes: Buffer): string;
  fileOf(sha256: string): string;
}

export function createAttachmentStore(dataDir: string): AttachmentStore {
  const root = path.join(dataDir, 'attachments');
  const fileOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not an attachment hash');
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  return {
    fileOf,
    put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      writeOnce(fileOf(sha256), bytes);
      return sha256;
    },
  };
}
