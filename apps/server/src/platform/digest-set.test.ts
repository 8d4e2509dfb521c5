// The import's memory of the documents it has met: every digest added is found, none other is,
// through the table's growth, and a million of them fit in a few tens of megabytes.
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DigestSet } from './digest-set.js';

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

describe('DigestSet', () => {
  it('finds what was added and nothing else, across growth', () => {
    const set = new DigestSet();
    for (let i = 0; i < 50_000; i += 1) set.add(digest(`in ${i}`));
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 1) expect(set.has(digest(`in ${i}`))).toBe(true);
    for (let i = 0; i < 50_000; i += 1) expect(set.has(digest(`out ${i}`))).toBe(false);
    set.add(digest('in 7'));
    expect(set.size).toBe(50_000);
  });

  it('keeps keys that share their low bits apart, and the all-zero key too', () => {
    const set = new DigestSet();
    // The same slot for all (low 32 bits equal), different high bits: found by probing.
    const colliding = Array.from({ length: 3000 }, (_, i) => `${i.toString(16).padStart(8, '0')}0000abcd${'f'.repeat(48)}`);
    for (const key of colliding) set.add(key);
    for (const key of colliding) expect(set.has(key)).toBe(true);
    expect(set.has(`ffffffff0000abcd${'f'.repeat(48)}`)).toBe(false);
    const zero = '0'.repeat(64);
    expect(set.has(zero)).toBe(false);
    set.add(zero);
    expect(set.has(zero)).toBe(true);
    expect(set.size).toBe(3001);
  });

  it('refuses what is not a hex digest', () => {
    expect(() => new DigestSet().add('not hex at all, really')).toThrow(RangeError);
    expect(() => new DigestSet().has('abc')).toThrow(RangeError);
  });

  it('keeps a million digests in far less memory than a Set of their strings', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return v8.getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers;
    };
    const before = heap();
    const set = new DigestSet();
    for (let i = 0; i < 1_000_000; i += 1) set.add(digest(String(i)));
    expect(set.size).toBe(1_000_000);
    // 2^21 slots of 8 bytes; the digests' strings themselves are garbage once added.
    expect(heap() - before).toBeLessThan(40 * 1024 * 1024);
  });
});
