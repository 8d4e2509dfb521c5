// The scheduled check must follow the cut-off the county sets: a schedule pinned to 17:00 would
// leave a day with an 18:00 cut-off unchecked until the next day's run (after a Friday, Monday's).
import { Cron } from 'croner';
import { cutoffInstant } from '@gridwork/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';

describe('the default schedule of the daily check', () => {
  it('runs within five minutes after any cut-off the county may set, the same day', () => {
    const pattern = loadConfig({}, '/tmp').dailyCheckCron;
    for (const cutoff of ['17:00', '18:00', '17:30', '16:45', '08:05', '23:55']) {
      const at = cutoffInstant('2026-11-27', cutoff);
      const job = new Cron(pattern, { timezone: 'Asia/Shanghai', paused: true });
      const next = job.nextRun(new Date(Date.parse(at) - 1));
      job.stop();
      const late = next ? next.getTime() - Date.parse(at) : null;
      expect({ cutoff, withinFiveMinutes: late !== null && late >= 0 && late <= 5 * 60_000 }).toEqual({
        cutoff,
        withinFiveMinutes: true,
      });
    }
  });
});
