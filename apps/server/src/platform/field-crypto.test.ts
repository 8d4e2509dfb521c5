// Sealed fields and their blind index, on both suites, with the national standards' known
// answers for SM3 and SM4 so that a wrong OpenSSL build is caught here, not in an audit.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/test-db.js';
import { FieldCryptoError, createFieldCrypto, loadKeyRing, parseKeyFile, type KeyRing } from './field-crypto.js';

function ring(...ids: string[]): KeyRing {
  return { current: ids[0] ?? 'k1', index: ids[0] ?? 'k1', keys: new Map(ids.map((id) => [id, randomBytes(32)])) };
}

describe('the national algorithms this machine provides', () => {
  it('computes SM3 as GB/T 32905-2016 says ("abc")', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('computes SM4 as GB/T 32907-2016 says (its example 1)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
});

describe.each(['intl', 'sm'] as const)('sealed fields with the %s suite', (suite) => {
  const keys = ring('k1');
  const crypto = createFieldCrypto(suite, keys);

  it('opens what it sealed, and seals the same value differently each time', () => {
    const first = crypto.seal('511124198001010012');
    const second = crypto.seal('511124198001010012');
    expect(first).not.toBe(second);
    expect(first.startsWith(`v1.${suite}.k1.`)).toBe(true);
    expect(first).not.toContain('511124198001010012');
    expect(crypto.open(first)).toBe('511124198001010012');
    expect(crypto.open(crypto.seal('张三 13800001234'))).toBe('张三 13800001234');
  });

  it('refuses a sealed value changed in any part', () => {
    const sealed = crypto.seal('13800001234');
    const parts = sealed.split('.');
    for (const index of [3, 4, 5]) {
      const changed = [...parts];
      const bytes = Buffer.from(changed[index] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      changed[index] = bytes.toString('base64url');
      expect(() => crypto.open(changed.join('.'))).toThrow(FieldCryptoError);
    }
    expect(() => crypto.open(parts.slice(0, 5).join('.'))).toThrow('not a sealed value');
    expect(() => crypto.open([...parts.slice(0, 5), (parts[5] ?? '').slice(0, 8)].join('.'))).toThrow(FieldCryptoError);
  });

  it('gives the same blind index for the same value and kind, and nothing readable', () => {
    expect(crypto.blindIndex('id_number', '511124198001010012')).toBe(crypto.blindIndex('id_number', '511124198001010012'));
    expect(crypto.blindIndex('phone', '511124198001010012')).not.toBe(crypto.blindIndex('id_number', '511124198001010012'));
    expect(createFieldCrypto(suite, ring('k1')).blindIndex('phone', '13800001234')).not.toBe(crypto.blindIndex('phone', '13800001234'));
  });

  it('opens values sealed with an older key after the current key changes', () => {
    const old = crypto.seal('old secret');
    const rotated = createFieldCrypto(suite, { current: 'k2', index: 'k1', keys: new Map([...keys.keys, ['k2', randomBytes(32)]]) });
    expect(rotated.seal('new').split('.')[2]).toBe('k2');
    expect(rotated.open(old)).toBe('old secret');
    expect(rotated.blindIndex('phone', 'x')).toBe(crypto.blindIndex('phone', 'x'));
    expect(() => createFieldCrypto(suite, ring('k9')).open(old)).toThrow('key "k1" is not in the key ring');
  });
});

describe('key files', () => {
  it('makes a key file readable by its owner only on first start, and reads the same keys after', () => {
    const dir = makeTempDir();
    const first = loadKeyRing(null, dir);
    const file = path.join(dir, 'keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyRing(null, dir);
    expect(again.keys.get('k1')?.equals(first.keys.get('k1') ?? Buffer.alloc(0))).toBe(true);
    expect(() => loadKeyRing(path.join(dir, 'missing.json'), dir)).toThrow('does not exist');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['not json', 'is not JSON'],
    ['{}', 'has no "keys" object'],
    ['{"current":"k1","keys":{"k1":"c2hvcnQ="}}', 'must be 32 bytes'],
    [`{"current":"k2","keys":{"k1":"${Buffer.alloc(32).toString('base64')}"}}`, '"current" must name one of its keys'],
    [`{"current":"k1","keys":{"bad id":"${Buffer.alloc(32).toString('base64')}"}}`, 'key id "bad id"'],
  ])('refuses %s', (text, message) => {
    expect(() => parseKeyFile(text, 'keys.json')).toThrow(message);
  });
});
