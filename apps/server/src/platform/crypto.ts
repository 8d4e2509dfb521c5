// Hashes and keys by the configured crypto suite: `intl` (SHA-256) or `sm` (国密 SM3). Node's
// OpenSSL provides both.
import { createHash, randomFillSync } from 'node:crypto';
import type { CryptoSuite } from './config.js';

export type HashAlgorithm = 'sha256' | 'sm3';

export function hashAlgorithmOf(suite: CryptoSuite): HashAlgorithm {
  return suite === 'sm' ? 'sm3' : 'sha256';
}

export function digestHex(algorithm: HashAlgorithm, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}

const POOL_BYTES = 64 * 1024;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * `size` bytes from the CSPRNG, drawn from a 64 KB buffer filled at once: one call to the system's
 * generator costs about 6 µs here whatever its size, which made IVs the largest cost of sealing a
 * million ID numbers. Each byte is handed out once.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_BYTES) return randomFillSync(Buffer.alloc(size));
  if (poolOffset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  poolOffset += size;
  return bytes;
}
