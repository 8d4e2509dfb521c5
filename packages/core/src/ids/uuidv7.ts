// Record ids are UUIDv7: time-ordered (good B-tree locality on both databases) and makeable
// offline by the field app, so a phone can name a record before the server has seen it.
import { v7, validate, version } from 'uuid';

// Random bytes come from a 4 KB pool filled by Web Crypto at once: one call per id cost about
// 17 µs on the server, more than the insert of the row it named.
const pool = new Uint8Array(4096);
let poolOffset = pool.length;
// Ids made in the same millisecond count up from a random start (RFC 9562 method 1), as uuid does
// for its own calls, so ids made here sort in the order they were made.
const state = { msecs: -Infinity, seq: 0 };

function randomSixteen(): Uint8Array {
  if (poolOffset + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.slice(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return bytes;
}

export function newId(): string {
  const random = randomSixteen();
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs += 1;
  }
  return v7({ random, msecs: state.msecs, seq: state.seq });
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}

export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
