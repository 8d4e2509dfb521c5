// Sensitive fields (ID numbers, phones, a public reporter's contact) are sealed before they reach
// the database and found again through a keyed blind index, so that neither a stolen database
// file nor a backup gives them away. Keys live outside the database: a key file, never a column.
//
// Suites: `intl` seals with AES-256-GCM; `sm` (国密) with SM4-CTR and HMAC-SM3 over the IV and
// ciphertext (encrypt-then-MAC), since Node has no SM4-GCM. Each sealed value names its suite and
// key id, so keys rotate without rewriting old rows; the blind index uses one key per deployment.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CryptoSuite } from './config.js';
import { randomBytesPooled } from './crypto.js';

export interface KeyRing {
  /** The key that seals new values. */
  readonly current: string;
  /** The key the blind index is computed with (changing it means re-indexing). */
  readonly index: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export class FieldCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Reads a key file: `{ "current": "k1", "index": "k1", "keys": { "k1": "<32 bytes, base64>" } }`. */
export function parseKeyFile(text: string, source: string): KeyRing {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new FieldCryptoError(`${source} is not JSON`);
  }
  const { current, index, keys } = (data ?? {}) as { current?: unknown; index?: unknown; keys?: unknown };
  if (typeof keys !== 'object' || keys === null) throw new FieldCryptoError(`${source} has no "keys" object`);
  const ring = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) throw new FieldCryptoError(`${source}: key id "${id}" must be 1-32 letters, digits, _ or -`);
    const secret = typeof value === 'string' ? Buffer.from(value, 'base64') : Buffer.alloc(0);
    if (secret.length !== 32) throw new FieldCryptoError(`${source}: key "${id}" must be 32 bytes in base64`);
    ring.set(id, secret);
  }
  if (typeof current !== 'string' || !ring.has(current)) throw new FieldCryptoError(`${source}: "current" must name one of its keys`);
  const indexId = index === undefined ? current : index;
  if (typeof indexId !== 'string' || !ring.has(indexId)) throw new FieldCryptoError(`${source}: "index" must name one of its keys`);
  return { current, index: indexId, keys: ring };
}

/**
 * The key ring of a deployment: GRIDWORK_KEY_FILE when set; otherwise `keys.json` in the data
 * directory, made on first start (readable by the owner only). Production keeps the file on
 * another disk or a secrets mount, and backs it up apart from the database.
 */
export function loadKeyRing(keyFile: string | null, dataDir: string): KeyRing {
  const file = keyFile ?? path.join(dataDir, 'keys.json');
  if (!fs.existsSync(file)) {
    if (keyFile) throw new FieldCryptoError(`GRIDWORK_KEY_FILE ${keyFile} does not exist`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = JSON.stringify({ current: 'k1', index: 'k1', keys: { k1: randomBytes(32).toString('base64') } }, null, 2);
    fs.writeFileSync(file, `${body}\n`, { mode: 0o600, flag: 'wx' });
  }
  return parseKeyFile(fs.readFileSync(file, 'utf8'), file);
}

function subKey(secret: Buffer, suite: CryptoSuite, purpose: string, length: number): Buffer {
  return Buffer.from(hkdfSync(suite === 'sm' ? 'sm3' : 'sha256', secret, Buffer.alloc(0), `gridwork ${purpose}`, length));
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

export interface FieldCrypto {
  /** `v1.<suite>.<key id>.<iv>.<ciphertext>.<tag>`, base64url parts. */
  seal(plaintext: string): string;
  /** The plaintext of a sealed value; throws FieldCryptoError when it was changed or its key is gone. */
  open(sealed: string): string;
  /** A keyed hash of a normalised value, to find rows by exact value without decrypting them. */
  blindIndex(kind: string, normalised: string): string;
}

export function createFieldCrypto(suite: CryptoSuite, ring: KeyRing): FieldCrypto {
  // Sub-keys are derived once per key and suite (HKDF on every seal cost more than the cipher).
  const derived = new Map<string, { encrypt: Buffer; mac: Buffer }>();
  const keysOf = (id: string, forSuite: CryptoSuite) => {
    const cached = derived.get(`${forSuite}:${id}`);
    if (cached) return cached;
    const secret = ring.keys.get(id);
    if (!secret) throw new FieldCryptoError(`key "${id}" is not in the key ring`);
    const keys =
      forSuite === 'sm'
        ? { encrypt: subKey(secret, 'sm', 'sm4 field encryption', 16), mac: subKey(secret, 'sm', 'hmac-sm3 field mac', 32) }
        : { encrypt: subKey(secret, 'intl', 'aes-256-gcm field encryption', 32), mac: Buffer.alloc(0) };
    derived.set(`${forSuite}:${id}`, keys);
    return keys;
  };
  const indexSecret = ring.keys.get(ring.index);
  if (!indexSecret) throw new FieldCryptoError(`index key "${ring.index}" is not in the key ring`);
  const indexKey = subKey(indexSecret, suite, 'blind index', 32);

  function seal(plaintext: string): string {
    const keyId = ring.current;
    const keys = keysOf(keyId, suite);
    const data = Buffer.from(plaintext, 'utf8');
    if (suite === 'sm') {
      const iv = randomBytesPooled(16);
      const cipher = createCipheriv('sm4-ctr', keys.encrypt, iv);
      const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
      const head = `v1.sm.${keyId}.${b64(iv)}.${b64(ciphertext)}`;
      const tag = createHmac('sm3', keys.mac).update(head).digest();
      return `${head}.${b64(tag)}`;
    }
    const iv = randomBytesPooled(12);
    const cipher = createCipheriv('aes-256-gcm', keys.encrypt, iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from(`v1.intl.${keyId}`));
    const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
    return `v1.intl.${keyId}.${b64(iv)}.${b64(ciphertext)}.${b64(cipher.getAuthTag())}`;
  }

  function open(sealed: string): string {
    const parts = sealed.split('.');
    const [version, sealedSuite, keyId, ivText, ciphertextText, tagText] = parts;
    if (parts.length !== 6 || version !== 'v1' || (sealedSuite !== 'intl' && sealedSuite !== 'sm') || !keyId || ivText === undefined || ciphertextText === undefined || tagText === undefined) {
      throw new FieldCryptoError('not a sealed value');
    }
    const keys = keysOf(keyId, sealedSuite);
    const iv = Buffer.from(ivText, 'base64url');
    const ciphertext = Buffer.from(ciphertextText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    try {
      if (sealedSuite === 'sm') {
        const expected = createHmac('sm3', keys.mac).update(parts.slice(0, 5).join('.')).digest();
        if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw new FieldCryptoError('sealed value was changed');
        const decipher = createDecipheriv('sm4-ctr', keys.encrypt, iv);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      }
      // A full 16-byte tag only: a shortened tag would be easier to forge.
      if (tag.length !== 16) throw new FieldCryptoError('sealed value was changed');
      const decipher = createDecipheriv('aes-256-gcm', keys.encrypt, iv, { authTagLength: 16 });
      decipher.setAAD(Buffer.from(`v1.intl.${keyId}`));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch (error) {
      if (error instanceof FieldCryptoError) throw error;
      throw new FieldCryptoError('sealed value was changed');
    }
  }

  function blindIndex(kind: string, normalised: string): string {
    return createHmac(suite === 'sm' ? 'sm3' : 'sha256', indexKey).update(`${kind}\u0000${normalised}`).digest('hex');
  }

  return { seal, open, blindIndex };
}
