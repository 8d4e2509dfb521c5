// My visits due (走访任务): read from the server whenever there is a signal and kept on the phone,
// so the list still shows in a village with none. A visit recorded here but not yet uploaded
// counts as done on the phone, so the worker does not go twice.
import { useCachedQuery, type CachedQuery } from '../../lib/cached-read.js';
import { HOME_READS } from '../../lib/home-reads.js';
import type { OutboxItem } from '../outbox/outbox.types.js';
import type { DueVisit, ScheduleStatus } from '@gridwork/core';

export const DUE_VISITS_URL = HOME_READS.dueVisits.url;
export const DUE_VISITS_QUERY = HOME_READS.dueVisits.query;

/** What the worker has to act on; upcoming ones are not yet. */
export const ACTIONABLE: readonly ScheduleStatus[] = ['overdue', 'missed', 'due_week'];

export function useDueVisits(): CachedQuery<{ items: DueVisit[] }> {
  return useCachedQuery<{ items: DueVisit[] }>(DUE_VISITS_URL, DUE_VISITS_QUERY);
}

/** The due visits to show, the most pressing first (overdue, missed, then by date). */
export function actionableVisits(items: readonly DueVisit[]): DueVisit[] {
  return items
    .filter((item) => ACTIONABLE.includes(item.status))
    .sort(
      (a, b) => ACTIONABLE.indexOf(a.status) - ACTIONABLE.indexOf(b.status) || a.dueOn.localeCompare(b.dueOn),
    );
}

export function countByStatus(items: readonly DueVisit[]): Record<ScheduleStatus, number> {
  const counts: Record<ScheduleStatus, number> = { upcoming: 0, due_week: 0, overdue: 0, missed: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** People visited on this phone whose visit has not reached the server yet (or needs attention). */
export function visitedOnPhone(outbox: readonly OutboxItem[]): Map<string, OutboxItem> {
  const visited = new Map<string, OutboxItem>();
  for (const item of outbox)
    if (item.kind === 'record_visit' && item.state !== 'sent') visited.set(item.body.personId, item);
  return visited;
}
