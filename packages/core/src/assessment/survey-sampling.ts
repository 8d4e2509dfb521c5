// Drawing a survey's sample (抽样) from a village's adult residents: reproducible (the same seed
// and the same registry give the same people, whichever database sorted them), without
// replacement, and independent between villages (each village draws from its own stream).
/** FNV-1a over UTF-16 code units: a stable 32-bit hash of the seed text. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's small fast counter): uniform floats in [0, 1) from a 128-bit state. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(`a:${seed}`);
  let b = hashSeed(`b:${seed}`);
  let c = hashSeed(`c:${seed}`);
  let d = 1;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: the state is still close to the raw hashes.
  for (let i = 0; i < 15; i += 1) next();
  return next;
}

/**
 * Draws `size` of the candidates without replacement: the ids are sorted (so the database's order
 * does not matter), then a partial Fisher–Yates shuffle driven by seed + village picks the first
 * `size`. Returns them in draw order (the sample's ordinal).
 */
export function drawSample(candidateIds: readonly string[], size: number, seed: string, villageId: string): string[] {
  if (!Number.isInteger(size) || size < 0) throw new RangeError('size must be a whole number');
  if (size > candidateIds.length) throw new RangeError('size exceeds the candidates');
  const pool = [...new Set(candidateIds)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  if (size > pool.length) throw new RangeError('size exceeds the candidates');
  const random = seededRandom(`${seed}\u0000${villageId}`);
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j]!;
    pool[j] = pool[i]!;
    pool[i] = picked;
  }
  return pool.slice(0, size);
}

/**
 * The latest birth date (YYYY-MM-DD, from the ID number) of someone who is 18 on `onDate`: born on
 * or before it. A 29 February birthday turns 18 on 1 March of a common year.
 */
export function latestAdultBirthDate(onDate: string): string {
  const year = Number(onDate.slice(0, 4)) - 18;
  return `${String(year).padStart(4, '0')}${onDate.slice(4)}`;
}
