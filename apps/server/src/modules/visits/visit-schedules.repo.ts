// SQL that keeps visit schedules current, set-wise: which subjects a plan covers now (special-
// population and assistance records still running, tagged people still active), ending the
// schedules nobody covers, moving the others to their plan and place, adding the new ones, and
// computing every due date from its base date in one UPDATE per plan. The date arithmetic is
// the only part that reads differently on SQLite and PostgreSQL.
import { sql, type RawBuilder } from 'kysely';
import type { DatabaseKind } from '../../platform/config.js';
import type { Executor } from '../../db/schema.js';
import type { VisitScheduleTable } from '../../db/tables/visit.table.js';
import { escapeLike } from '../../db/sql-helpers.js';

/** The active plans as the SQL needs them, most specific special-population plans first. */
export interface PlanAssignments {
  readonly special: readonly {
    readonly planId: string;
    readonly categoryIndex: string;
    readonly riskLevel: string | null;
  }[];
  readonly assistance: readonly { readonly planId: string; readonly kind: string }[];
  readonly tags: readonly { readonly planId: string; readonly tag: string }[];
}

export interface PlanDates {
  readonly planId: string;
  readonly intervalsDays: readonly number[];
  readonly graceDays: number;
}

/** Limits a sync to some people (a record or a person changed), or null for everyone (a plan changed). */
export type PersonFilter = readonly string[] | null;

function integer(value: number): RawBuilder<number> {
  if (!Number.isInteger(value)) throw new RangeError(`not a whole number of days: ${value}`);
  return sql.lit(value);
}

/** `base` plus a whole number of days, as YYYY-MM-DD. */
export function addDaysSql(
  kind: DatabaseKind,
  base: RawBuilder<unknown>,
  days: RawBuilder<unknown>,
): RawBuilder<string> {
  return kind === 'postgres'
    ? sql<string>`to_char(cast(${base} as date) + (${days}), 'YYYY-MM-DD')`
    : sql<string>`date(${base}, (${days}) || ' days')`;
}

/** The Shanghai calendar date of a stored UTC instant. */
function shanghaiDateSql(kind: DatabaseKind, instant: RawBuilder<unknown>): RawBuilder<string> {
  return kind === 'postgres'
    ? sql<string>`to_char(cast(${instant} as timestamptz) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`date(${instant}, '+8 hours')`;
}

/** The plan's interval before the visit after `done` visits: the intervals in turn, the last repeating. */
function intervalSql(intervals: readonly number[], done: RawBuilder<unknown>): RawBuilder<number> {
  const last = intervals.length - 1;
  if (last === 0) return integer(intervals[0]!);
  const steps = intervals
    .slice(0, last)
    .map((days, index) => sql`when ${done} = ${integer(index)} then ${integer(days)}`);
  return sql<number>`(case ${sql.join(steps, sql` `)} else ${integer(intervals[last]!)} end)`;
}

function personFilterSql(column: string, persons: PersonFilter): RawBuilder<unknown> {
  return persons === null
    ? sql`1 = 1`
    : sql`${sql.ref(column)} in (${sql.join(persons.length > 0 ? persons : [''])})`;
}

/**
 * Every subject some active plan covers now, with its plan, person, place and anchor date:
 * one SELECT (a UNION ALL of the three kinds), or null when no plan is active.
 */
export function desiredSubjects(
  kind: DatabaseKind,
  plans: PlanAssignments,
  today: string,
  persons: PersonFilter,
): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  const place = sql`p.id as person_id, p.path as path, p.county_code as county_code, p.township_code as township_code, p.village_code as village_code, p.grid_id as grid_id`;
  if (plans.special.length > 0) {
    const whens = plans.special.map((plan) =>
      plan.riskLevel === null
        ? sql`when sp.category_index = ${plan.categoryIndex} then ${plan.planId}`
        : sql`when sp.category_index = ${plan.categoryIndex} and sp.risk_level = ${plan.riskLevel} then ${plan.planId}`,
    );
    const indexes = [...new Set(plans.special.map((plan) => plan.categoryIndex))];
    parts.push(sql`select sp.id as subject_key, 'special_population' as subject_kind, sp.id as record_id, cast(null as varchar(32)) as tag,
      (case ${sql.join(whens, sql` `)} else null end) as plan_id, ${place}, sp.start_date as anchor_on
      from special_population sp inner join person p on p.id = sp.person_id
      where (sp.end_date is null or sp.end_date > ${today}) and p.status = 'active' and sp.category_index in (${sql.join(indexes)}) and ${personFilterSql('p.id', persons)}`);
  }
  if (plans.assistance.length > 0) {
    const whens = plans.assistance.map((plan) => sql`when ar.kind = ${plan.kind} then ${plan.planId}`);
    parts.push(sql`select ar.id as subject_key, 'assistance' as subject_kind, ar.id as record_id, cast(null as varchar(32)) as tag,
      (case ${sql.join(whens, sql` `)} else null end) as plan_id, ${place}, ar.start_date as anchor_on
      from assistance_record ar inner join person p on p.id = ar.person_id
      where (ar.end_date is null or ar.end_date > ${today}) and p.status = 'active' and ${personFilterSql('p.id', persons)}`);
  }
  if (plans.tags.length > 0) {
    // Tagged people are key-group people: the literal `key_group = 1` lets SQLite use the partial
    // index, and CROSS JOIN makes SQLite read them once for all tags (PostgreSQL plans it freely).
    const tagPlans = plans.tags.map(
      (plan) =>
        sql`select cast(${plan.tag} as varchar(32)) as tag, cast(${`%"${escapeLike(plan.tag)}"%`} as varchar(64)) as pattern, cast(${plan.planId} as varchar(36)) as plan_id`,
    );
    parts.push(sql`select p.id || ':' || t.tag as subject_key, 'tag' as subject_kind, cast(null as varchar(36)) as record_id, t.tag as tag,
      t.plan_id as plan_id, ${place}, ${shanghaiDateSql(kind, sql.ref('p.created_at'))} as anchor_on
      from person p cross join (${sql.join(tagPlans, sql` union all `)}) as t
      where ${sql.raw('p.key_group = 1')} and p.status = 'active' and p.tags like t.pattern escape '\\' and ${personFilterSql('p.id', persons)}`);
  }
  if (parts.length === 0) return null;
  return sql`select * from (${sql.join(parts, sql` union all `)}) as u where u.plan_id is not null`;
}

/**
 * A county-wide sync reads the covered subjects three times (to end, move and add schedules):
 * they are written once into a temporary table of this transaction, indexed by subject.
 */
export function materializeDesiredSql(
  kind: DatabaseKind,
  desired: RawBuilder<unknown>,
): RawBuilder<unknown>[] {
  const columns =
    sql.raw(`subject_key varchar(80), subject_kind varchar(24), record_id varchar(36), tag varchar(32), plan_id varchar(36), person_id varchar(36),
    path varchar(255), county_code varchar(6), township_code varchar(9), village_code varchar(12), grid_id varchar(36), anchor_on varchar(10)`);
  return kind === 'postgres'
    ? [
        sql`drop table if exists pg_temp.visit_desired`,
        sql`create temporary table visit_desired (${columns}) on commit drop`,
        sql`insert into visit_desired ${desired}`,
        sql`create index on visit_desired (subject_key)`,
        sql`analyze visit_desired`,
      ]
    : [
        sql`drop table if exists temp.visit_desired`,
        sql`create temp table visit_desired (${columns})`,
        sql`insert into temp.visit_desired ${desired}`,
        sql`create index temp.visit_desired_key on visit_desired (subject_key)`,
      ];
}

/** The covered subjects as materialized by materializeDesiredSql. */
export const MATERIALIZED_DESIRED: RawBuilder<unknown> = sql`select * from visit_desired`;

export function dropDesiredSql(kind: DatabaseKind): RawBuilder<unknown> {
  return kind === 'postgres'
    ? sql`drop table if exists pg_temp.visit_desired`
    : sql`drop table if exists temp.visit_desired`;
}

export async function runStatements(db: Executor, statements: readonly RawBuilder<unknown>[]): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

/** Ends the open schedules whose subject no plan covers any more (record ended, person gone, plan retired). */
export function endUncoveredSql(
  desired: RawBuilder<unknown> | null,
  persons: PersonFilter,
  now: string,
): RawBuilder<unknown> {
  const uncovered =
    desired === null ? sql`1 = 1` : sql`subject_key not in (select d.subject_key from (${desired}) as d)`;
  return sql`update visit_schedule set ended_at = ${now}, updated_at = ${now}, next_card_after = null
    where ended_at is null and ${personFilterSql('person_id', persons)} and ${uncovered}`;
}

export async function endUncovered(
  db: Executor,
  desired: RawBuilder<unknown> | null,
  persons: PersonFilter,
  now: string,
): Promise<number> {
  const result = await endUncoveredSql(desired, persons, now).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Moves covered schedules to the plan that covers them now and to the person's current place;
 * reopens ended ones, owing their next visit an interval after today (not the visits of the time
 * they were not kept).
 */
export function moveCoveredSql(desired: RawBuilder<unknown>, now: string, today: string): RawBuilder<unknown> {
  return sql`update visit_schedule set plan_id = d.plan_id, path = d.path, county_code = d.county_code, township_code = d.township_code,
      village_code = d.village_code, grid_id = d.grid_id,
      base_on = case when visit_schedule.ended_at is not null and visit_schedule.base_on < ${today} then ${today} else visit_schedule.base_on end,
      ended_at = null, updated_at = ${now}
    from (${desired}) as d
    where visit_schedule.subject_key = d.subject_key
      and (visit_schedule.plan_id <> d.plan_id or visit_schedule.path <> d.path or visit_schedule.ended_at is not null)`;
}

export async function moveCovered(db: Executor, desired: RawBuilder<unknown>, now: string, today: string): Promise<number> {
  const result = await moveCoveredSql(desired, now, today).execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface UncoveredSubject {
  subject_key: string;
  subject_kind: VisitScheduleTable['subject_kind'];
  record_id: string | null;
  tag: string | null;
  plan_id: string;
  person_id: string;
  path: string;
  county_code: string | null;
  township_code: string | null;
  village_code: string | null;
  grid_id: string | null;
  anchor_on: string;
}

/** The covered subjects that have no schedule yet. */
export function subjectsWithoutScheduleSql(desired: RawBuilder<unknown>): RawBuilder<UncoveredSubject> {
  return sql<UncoveredSubject>`select d.* from (${desired}) as d where not exists (select 1 from visit_schedule s where s.subject_key = d.subject_key)`;
}

export async function subjectsWithoutSchedule(
  db: Executor,
  desired: RawBuilder<unknown>,
): Promise<UncoveredSubject[]> {
  return (await subjectsWithoutScheduleSql(desired).execute(db)).rows;
}

export async function insertSchedules(db: Executor, rows: readonly VisitScheduleTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('visit_schedule')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

/**
 * Recomputes the due date and the status dates of a plan's open schedules from their base date
 * and visits done: due = base + interval(done), missed after the next due date, overdue after the
 * grace days (never after missed), due this week 7 days before; the card sweep looks again after
 * the overdue date.
 */
export function recomputeDatesSql(
  kind: DatabaseKind,
  plan: PlanDates,
  persons: PersonFilter,
  now: string,
): RawBuilder<unknown> {
  const base = sql.ref('base_on');
  const current = intervalSql(plan.intervalsDays, sql.ref('visits_done'));
  const next = intervalSql(plan.intervalsDays, sql`(visits_done + 1)`);
  const grace = integer(plan.graceDays);
  const overdue = addDaysSql(
    kind,
    base,
    sql`${current} + (case when ${next} < ${grace} then ${next} else ${grace} end)`,
  );
  const due = addDaysSql(kind, base, current);
  const dueWeek = addDaysSql(kind, base, sql`${current} - 7`);
  const missed = addDaysSql(kind, base, sql`${current} + ${next}`);
  // Only the schedules whose dates change are written (a plan change moves one plan's dates, not all).
  return sql`update visit_schedule set due_on = ${due}, due_week_on = ${dueWeek}, overdue_after = ${overdue}, missed_after = ${missed}, next_card_after = ${overdue}, updated_at = ${now}
    where plan_id = ${plan.planId} and ended_at is null and ${personFilterSql('person_id', persons)}
      and (due_on <> ${due} or due_week_on <> ${dueWeek} or overdue_after <> ${overdue} or missed_after <> ${missed})`;
}

export async function recomputeDates(
  db: Executor,
  kind: DatabaseKind,
  plan: PlanDates,
  persons: PersonFilter,
  now: string,
): Promise<number> {
  const result = await recomputeDatesSql(kind, plan, persons, now).execute(db);
  return Number(result.numAffectedRows ?? 0);
}
