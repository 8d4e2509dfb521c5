// Times are stored the same way on SQLite and PostgreSQL: fixed-width ISO-8601 UTC text with
// milliseconds (`2026-11-24T01:30:00.000Z`). Equal width makes text order equal time order, so
// range scans and ORDER BY work alike on both databases; display converts to Asia/Shanghai.
export type UtcTimestamp = string;

export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const UTC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function toUtcTimestamp(date: Date): UtcTimestamp {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  return date.toISOString();
}

export function nowUtc(clock: () => number = Date.now): UtcTimestamp {
  return new Date(clock()).toISOString();
}

export function isUtcTimestamp(value: string): value is UtcTimestamp {
  // Date.parse rolls 2026-02-30 over into March and reads 24:00 as the next midnight; only a
  // round trip proves the text names a real instant in its one canonical spelling.
  if (!UTC_PATTERN.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

/** ISO-8601 with the +08:00 offset, as Open311 and the Chinese UI want it. */
export function toShanghaiIso(utc: UtcTimestamp): string {
  const shifted = new Date(Date.parse(utc) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}
