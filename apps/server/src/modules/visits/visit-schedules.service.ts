// Keeps every visit schedule current in the transaction of the change that moves it: a plan
// created, changed or retired (all schedules, set-wise), a special-population or assistance
// record created, changed or ended, a person's tags, grid or status changed (that person's only).
import { newId, scheduleStartingOn, shanghaiDate, type VisitShiftRule } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { FollowUpPlanTable, VisitScheduleTable } from '../../db/tables/visit.table.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './visits.repo.js';
import * as schedules from './visit-schedules.repo.js';

export interface ScheduleSync {
  readonly ended: number;
  readonly moved: number;
  readonly added: number;
  readonly recomputed: number;
}

/** A plan row's rule in the shape core computes with. */
export function planRuleOf(row: Pick<FollowUpPlanTable, 'intervals_days' | 'shift' | 'grace_days'>): {
  intervalsDays: number[];
  shift: VisitShiftRule;
  graceDays: number;
} {
  return {
    intervalsDays: JSON.parse(row.intervals_days) as number[],
    shift: row.shift,
    graceDays: row.grace_days,
  };
}

export function assignmentsOf(plans: readonly FollowUpPlanTable[]): schedules.PlanAssignments {
  const special = plans
    .filter((plan) => plan.subject_kind === 'special_population' && plan.category_index !== null)
    // A plan for one risk level is tried before the plan for every level of its category.
    .sort((a, b) => Number(a.risk_level === null) - Number(b.risk_level === null))
    .map((plan) => ({ planId: plan.id, categoryIndex: plan.category_index!, riskLevel: plan.risk_level }));
  const assistance = plans
    .filter((plan) => plan.subject_kind === 'assistance')
    .map((plan) => ({ planId: plan.id, kind: plan.subject_value }));
  const tags = plans
    .filter((plan) => plan.subject_kind === 'tag')
    .map((plan) => ({ planId: plan.id, tag: plan.subject_value }));
  return { special, assistance, tags };
}

/**
 * Brings the schedules of some people (or everyone's, with null) in line with the active plans.
 * Runs on the caller's transaction so the schedules change with the change that moved them.
 */
export async function syncVisitSchedules(
  ctx: AppContext,
  trx: Executor,
  persons: readonly string[] | null,
): Promise<ScheduleSync> {
  const now = new Date(ctx.clock()).toISOString();
  const today = shanghaiDate(ctx.clock());
  const plans = await repo.activePlans(trx);
  const covered = schedules.desiredSubjects(ctx.db.kind, assignmentsOf(plans), today, persons);
  // A county-wide sync reads the covered subjects once, into a temporary table; a person's reads them where they are.
  const materialized = persons === null && covered !== null;
  if (materialized) await schedules.runStatements(trx, schedules.materializeDesiredSql(ctx.db.kind, covered));
  const desired = materialized ? schedules.MATERIALIZED_DESIRED : covered;
  const ended = await schedules.endUncovered(trx, desired, persons, now);
  let moved = 0;
  let added = 0;
  if (desired) {
    moved = await schedules.moveCovered(trx, desired, now, today);
    const missing = await schedules.subjectsWithoutSchedule(trx, desired);
    const intervalsOf = new Map(plans.map((plan) => [plan.id, planRuleOf(plan).intervalsDays]));
    const rows: VisitScheduleTable[] = missing.map((subject) => {
      // Owed from today on: a subject the platform learns of late is not late on its first day.
      const start = scheduleStartingOn(subject.anchor_on, intervalsOf.get(subject.plan_id) ?? [1], today);
      return {
        id: newId(),
        ...subject,
        // The other dates are computed below with every other schedule of the plan.
        base_on: start.baseOn,
        due_on: start.dueOn,
        due_week_on: start.dueOn,
        overdue_after: start.dueOn,
        missed_after: start.dueOn,
        next_card_after: null,
        visits_done: start.visitsDone,
      missed_count: 0,
      last_visited_at: null,
      ended_at: null,
        created_at: now,
        updated_at: now,
      };
    });
    await schedules.insertSchedules(trx, rows);
    added = rows.length;
  }
  if (materialized) await schedules.runStatements(trx, [schedules.dropDesiredSql(ctx.db.kind)]);
  let recomputed = 0;
  for (const plan of plans) {
    const rule = planRuleOf(plan);
    recomputed += await schedules.recomputeDates(
      trx,
      ctx.db.kind,
      { planId: plan.id, intervalsDays: rule.intervalsDays, graceDays: rule.graceDays },
      persons,
      now,
    );
  }
  return { ended, moved, added, recomputed };
}
