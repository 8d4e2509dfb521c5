// The import's memory keeper: once the heap has grown past its margin, a call collects what is no
// longer in use (without it the server's heap grew past 800 MB during a 1 M import).
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbageWhenGrown } from './memory.js';

const used = () => v8.getHeapStatistics().used_heap_size;

describe('collectGarbageWhenGrown', () => {
  it('collects garbage once the heap has grown past the margin', () => {
    collectGarbageWhenGrown(); // sets the baseline (collecting if the heap is already large)
    let garbage: string[][] | null = Array.from({ length: 400 }, (_, i) => Array.from({ length: 2000 }, (__, j) => `${i}-${j}-${'x'.repeat(40)}`));
    expect(garbage.length).toBe(400);
    garbage = null;
    const before = used();
    collectGarbageWhenGrown();
    // About 80 MB of strings were dropped: far less is in use after the call.
    expect(before - used()).toBeGreaterThan(40 * 1024 * 1024);
  });
});
