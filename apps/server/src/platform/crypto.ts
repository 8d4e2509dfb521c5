// Hashes and keys by the configured crypto suite: `intl` (SHA-256) or `sm` (国密 SM3). Node's
// OpenSSL provides both.
import { createHash } from 'node:crypto';
import type { CryptoSuite } from './config.js';

export type HashAlgorithm = 'sha256' | 'sm3';

export function hashAlgorithmOf(suite: CryptoSuite): HashAlgorithm {
  return suite === 'sm' ? 'sm3' : 'sha256';
}

export function digestHex(algorithm: HashAlgorithm, text: string): string {
  return createHash(algorithm).update(text, 'utf8').digest('hex');
}
