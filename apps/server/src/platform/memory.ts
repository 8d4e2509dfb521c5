// A full garbage collection on demand, for long batch work. An import turns over hundreds of
// megabytes of short-lived objects per million rows, and many of them outlive two scavenges (a
// chunk's rows wait across its statements), so V8 promotes them and lets the old generation grow
// lazily: the server's memory climbed past 800 MB while less than 100 MB was in use. Collecting
// whenever the heap has grown by a margin since the last collection (a few tens of milliseconds
// every second or two of an import) keeps it near what is in use.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

/** Bytes the heap may grow past what was in use after the last collection. */
const MARGIN = 48 * 1024 * 1024;
let usedAfterLast = 0;

/** Collects when the heap has grown by more than MARGIN since the last collection here. */
export function collectGarbageWhenGrown(): void {
  if (v8.getHeapStatistics().used_heap_size - usedAfterLast < MARGIN) return;
  collectGarbage();
  usedAfterLast = v8.getHeapStatistics().used_heap_size;
}

function collectGarbage(): void {
  if (gc === undefined) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    try {
      // Exposed in a fresh context only, so the server's own globals stay as they are.
      if (!exposed) v8.setFlagsFromString('--expose-gc');
      gc = exposed ?? (vm.runInNewContext('gc') as () => void);
    } catch {
      gc = null;
    }
  }
  gc?.();
}
