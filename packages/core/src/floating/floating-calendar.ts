// The calendar of the floating population: when a residence permit is due for a reminder, and the
// months of the arrivals-and-departures trend. Days are Shanghai calendar days (YYYY-MM-DD).

/** `date` moved by `days` (negative: back). */
export function daysAfter(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** The days of permit expiry that are reminded on `today`: from today to `daysBefore` days ahead. */
export function permitReminderWindow(today: string, daysBefore: number): { from: string; until: string } {
  return { from: today, until: daysAfter(today, daysBefore) };
}

/** Whether a permit expiring on `expiresOn` is within `days` of `today` (or already expired). */
export function isPermitExpiring(expiresOn: string | null, today: string, days: number): boolean {
  return expiresOn !== null && expiresOn <= daysAfter(today, days);
}

/** The last `count` months up to the month of `today`, oldest first: ['2025-12', …, '2026-11']. */
export function trendMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + month - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
