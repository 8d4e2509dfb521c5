// The 95% confidence interval of a survey rate: Wilson's score interval, which stays inside
// [0, 1] and behaves for the small samples of one village (30 answers, all of them "aware").
export interface Interval {
  readonly low: number;
  readonly high: number;
}

export const Z_95 = 1.959963984540054;

export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
  if (!Number.isInteger(n) || n <= 0 || successes < 0 || successes > n) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At the edges the interval reaches 0 or 1 exactly (the arithmetic leaves 0.9999999999999999).
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half) };
}
