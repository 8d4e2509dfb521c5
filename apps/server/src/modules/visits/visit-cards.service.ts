// The visit sweep: an overdue visit earns the responsible grid worker a yellow card, and a red
// one past 150% of its interval (the county's card rules), as ledger entries against the worker's
// village, with a message in the worker's inbox. Each card is issued once per schedule, due date
// and level: a unique key makes a second sweep, a second server or a restart a no-op.
import {
  CARD_LEVEL_LABELS,
  ancestorPaths,
  newId,
  shanghaiDate,
  visitCardDates,
  type CardLevel,
} from '@gridwork/core';
import type { AppContext } from '../../platform/context.js';
import { SYSTEM_ACTOR } from '../accounts/accounts.service.js';
import * as repo from './visits.repo.js';
import { syncVisitSchedules } from './visit-schedules.service.js';
import { visitSettingsOf } from './visit-settings.service.js';

/** Arbitrary but fixed, and not the event sweep's: the advisory lock of the visit sweeper. */
const VISIT_SWEEP_LOCK_KEY = 5_111_241_009;
const BATCH = 500;

export function createVisitCardsService(ctx: AppContext) {
  const { db, audit } = ctx;

  /** The day this server last brought every schedule in line with the plans. */
  let syncedOn: string | null = null;

  /**
   * Once a day: records whose end date has come, and people whose schedules changed outside a
   * request (an import), leave or join the lists. A restart syncs again; that is harmless.
   */
  async function dailySync(today: string): Promise<boolean> {
    if (syncedOn === today) return true;
    const synced = await db.kysely.transaction().execute(async (trx) => {
      if (db.kind === 'postgres' && !(await repo.tryAdvisoryLock(trx, VISIT_SWEEP_LOCK_KEY))) return false;
      await syncVisitSchedules(ctx, trx, null);
      return true;
    });
    if (synced) syncedOn = today;
    return synced;
  }

  /** Issues the cards due at `now`; answers how many, or null when another server holds the lock. */
  async function sweep(now: string): Promise<{ issued: number } | null> {
    const today = shanghaiDate(Date.parse(now));
    if (!(await dailySync(today))) return null;
    const month = today.slice(0, 7);
    const rules = (await visitSettingsOf(ctx)).cardRules;
    let issued = 0;
    for (;;) {
      const batch = await db.kysely.transaction().execute(async (trx) => {
        if (db.kind === 'postgres' && !(await repo.tryAdvisoryLock(trx, VISIT_SWEEP_LOCK_KEY))) return null;
        const schedules = await repo.schedulesWithCardDue(trx, today, BATCH);
        const workers = await repo.workersOfGrids(trx, [
          ...new Set(schedules.flatMap((row) => (row.grid_id ? [row.grid_id] : []))),
        ]);
        const workerOfGrid = new Map<string, (typeof workers)[number]>();
        for (const worker of workers)
          if (!workerOfGrid.has(worker.grid_id)) workerOfGrid.set(worker.grid_id, worker);
        let count = 0;
        for (const schedule of schedules) {
          const dates = visitCardDates(
            { baseOn: schedule.base_on, visitsDone: schedule.visits_done },
            {
              intervalsDays: JSON.parse(schedule.intervals_days) as number[],
              graceDays: schedule.grace_days,
            },
            rules,
          );
          const held = new Set(
            (await repo.cardsOfDue(trx, schedule.id, schedule.due_on)).map((card) => card.level),
          );
          const due: CardLevel[] = [];
          if (today > dates.yellowAfter && !held.has('yellow')) due.push('yellow');
          if (today > dates.redAfter && !held.has('red')) due.push('red');
          const worker = schedule.grid_id ? workerOfGrid.get(schedule.grid_id) : undefined;
          const unitPath = ancestorPaths(worker?.org_path ?? schedule.path)[3] ?? schedule.path;
          for (const level of due) {
            const inserted = await repo.insertCardOnce(trx, {
              id: newId(),
              schedule_id: schedule.id,
              due_on: schedule.due_on,
              level,
              unit_path: unitPath,
              worker_id: worker?.id ?? null,
              person_id: schedule.person_id,
              issued_at: now,
              month,
            });
            if (!inserted) continue;
            held.add(level);
            count += 1;
            if (worker) {
              const text = `走访“${schedule.person_name}”（${schedule.plan_name}）应于${schedule.due_on}完成，已超期，记${CARD_LEVEL_LABELS[level]['zh-CN']}一次`;
              await repo.insertInboxMessage(trx, {
                id: newId(),
                account_id: worker.id,
                text,
                created_at: now,
              });
            }
            await audit.append(trx, SYSTEM_ACTOR, {
              action: 'visit.card_issued',
              objectType: 'visit_schedule',
              objectId: schedule.id,
              orgPath: schedule.path,
              details: { level, dueOn: schedule.due_on, unitPath, workerId: worker?.id ?? null },
            });
          }
          // Look again when the next card falls due; never again for this due date once both are held.
          const next = held.has('red') ? null : held.has('yellow') ? dates.redAfter : dates.yellowAfter;
          await repo.updateSchedule(trx, schedule.id, { next_card_after: next });
        }
        return { seen: schedules.length, count };
      });
      if (batch === null) return issued === 0 ? null : { issued };
      issued += batch.count;
      // Every schedule read has its next_card_after moved to today or later (or cleared): the next batch is new work.
      if (batch.seen < BATCH) return { issued };
    }
  }

  return { sweep };
}

export type VisitCardsService = ReturnType<typeof createVisitCardsService>;
