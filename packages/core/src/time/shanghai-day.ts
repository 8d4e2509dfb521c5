// Days as township staff count them: midnight to midnight in Asia/Shanghai (UTC+8, no daylight
// saving), whatever the server's own time zone.
const OFFSET_MS = 8 * 3600_000;

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The UTC instants [start, end) of a calendar day in Shanghai, as ISO strings. */
export function shanghaiDayRange(date: string): { start: string; end: string } {
  const start = Date.parse(`${date}T00:00:00.000Z`) - OFFSET_MS;
  if (Number.isNaN(start) || new Date(start + OFFSET_MS).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString() };
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}
