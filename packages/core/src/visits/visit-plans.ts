// Follow-up plans (走访计划): which plan applies to a subject, when each visit falls due, how a
// visit done early or late moves the next one, and where a schedule stands on a given day. Pure
// calendar arithmetic on Shanghai dates (YYYY-MM-DD), shared by the server's SQL and the apps.
import type {
  AssistanceKind,
  RiskLevel,
  SpecialPopulationCategory,
} from '../schemas/person-records.schema.js';
import type { PersonTag } from '../registry/person-columns.js';

export const VISIT_SHIFT_RULES = ['from_visit', 'keep_cadence'] as const;
/** from_visit: the next visit is due an interval after the visit; keep_cadence: after the previous due date. */
export type VisitShiftRule = (typeof VISIT_SHIFT_RULES)[number];

export const VISIT_SUBJECT_KINDS = ['special_population', 'assistance', 'tag'] as const;
export type VisitSubjectKind = (typeof VISIT_SUBJECT_KINDS)[number];

/** Tags whose people are visited (left-behind, alone, disabled …): the tags a plan may name. */
export const VISIT_TAGS = [
  'left_behind_child',
  'left_behind_elderly',
  'elderly_alone',
  'disabled',
  'low_income',
  'veteran',
] as const satisfies readonly PersonTag[];

export type PlanSubject =
  | {
      readonly kind: 'special_population';
      readonly category: SpecialPopulationCategory;
      readonly riskLevel: RiskLevel | null;
    }
  | { readonly kind: 'assistance'; readonly assistanceKind: AssistanceKind }
  | { readonly kind: 'tag'; readonly tag: PersonTag };

export interface PlanRule {
  readonly id: string;
  readonly subject: PlanSubject;
  readonly intervalsDays: readonly number[];
  readonly shift: VisitShiftRule;
  readonly graceDays: number;
  readonly active: boolean;
}

/** What a schedule is kept for: one special-population record, one assistance record, or one tag of a person. */
export type VisitSubject =
  | {
      readonly kind: 'special_population';
      readonly category: SpecialPopulationCategory;
      readonly riskLevel: RiskLevel;
    }
  | { readonly kind: 'assistance'; readonly assistanceKind: AssistanceKind }
  | { readonly kind: 'tag'; readonly tag: PersonTag };

export const VISIT_INTERVAL_MIN = 1;
export const VISIT_INTERVAL_MAX = 3650;
export const VISIT_INTERVALS_MAX = 12;
export const VISIT_GRACE_MAX = 365;
/** A schedule is "due this week" from this many days before its due date. */
export const DUE_WEEK_DAYS = 7;

/** Two plans that would both claim the same subjects: same kind and the same category/level, kind or tag. */
export function planSubjectKey(subject: PlanSubject): string {
  switch (subject.kind) {
    case 'special_population':
      return `special_population:${subject.category}:${subject.riskLevel ?? '*'}`;
    case 'assistance':
      return `assistance:${subject.assistanceKind}`;
    case 'tag':
      return `tag:${subject.tag}`;
  }
}

/**
 * The active plan that applies to a subject: for a special population the plan of its category
 * and risk level beats the plan of its category for every level (riskLevel null).
 */
export function planForSubject<P extends PlanRule>(plans: readonly P[], subject: VisitSubject): P | null {
  const active = plans.filter((plan) => plan.active);
  switch (subject.kind) {
    case 'special_population': {
      const ofCategory = active.filter(
        (plan) => plan.subject.kind === 'special_population' && plan.subject.category === subject.category,
      );
      return (
        ofCategory.find(
          (plan) =>
            plan.subject.kind === 'special_population' && plan.subject.riskLevel === subject.riskLevel,
        ) ??
        ofCategory.find(
          (plan) => plan.subject.kind === 'special_population' && plan.subject.riskLevel === null,
        ) ??
        null
      );
    }
    case 'assistance':
      return (
        active.find(
          (plan) =>
            plan.subject.kind === 'assistance' && plan.subject.assistanceKind === subject.assistanceKind,
        ) ?? null
      );
    case 'tag':
      return active.find((plan) => plan.subject.kind === 'tag' && plan.subject.tag === subject.tag) ?? null;
  }
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / 86_400_000);
}

/** The gap before visit `visitsDone + 1`: the plan's intervals in turn, the last one repeating. */
export function intervalAfter(intervalsDays: readonly number[], visitsDone: number): number {
  if (intervalsDays.length === 0) throw new RangeError('a plan has at least one interval');
  return intervalsDays[Math.min(Math.max(visitsDone, 0), intervalsDays.length - 1)]!;
}

/** The due date of visit `n` (1-based) counted from the anchor with no visit shifting the cadence. */
export function dueOfVisit(anchorOn: string, intervalsDays: readonly number[], n: number): string {
  let due = anchorOn;
  for (let done = 0; done < n; done += 1) due = addDays(due, intervalAfter(intervalsDays, done));
  return due;
}

/** Where a schedule's dates stand: the date its current due date counts from, and how many visits are done. */
export interface ScheduleState {
  /** The anchor (first visit), the last visit's date (from_visit) or the previous due date (keep_cadence). */
  readonly baseOn: string;
  readonly dueOn: string;
  readonly visitsDone: number;
  readonly missedCount: number;
}

/** The state of a new schedule: nothing visited, the first visit due an interval after the anchor. */
export function firstSchedule(anchorOn: string, intervalsDays: readonly number[]): ScheduleState {
  return {
    baseOn: anchorOn,
    dueOn: addDays(anchorOn, intervalAfter(intervalsDays, 0)),
    visitsDone: 0,
    missedCount: 0,
  };
}

/**
 * The state of a schedule the platform starts keeping on `today` for a subject anchored on
 * `anchorOn`. Visits owed before the platform knew of the subject under a plan (a plan introduced
 * for people released years ago, a record entered weeks after it began) are not owed: the cadences
 * that fell due before today are stepped over, neither done nor missed, so the first visit owed is
 * the first due date from today on, at the interval that cadence has reached (15, 30, then 90
 * days after release stays at 90 for someone released long ago).
 */
export function scheduleStartingOn(anchorOn: string, intervalsDays: readonly number[], today: string): ScheduleState {
  let baseOn = anchorOn;
  let visitsDone = 0;
  while (addDays(baseOn, intervalAfter(intervalsDays, visitsDone)) < today && visitsDone < 100_000) {
    baseOn = addDays(baseOn, intervalAfter(intervalsDays, visitsDone));
    visitsDone += 1;
  }
  return { baseOn, dueOn: addDays(baseOn, intervalAfter(intervalsDays, visitsDone)), visitsDone, missedCount: 0 };
}

/**
 * The cadences that passed unvisited by `date`: the due dates after the current one that are
 * themselves already behind `date` (a visit on the day after the next due date missed one).
 */
export function cadencesPassed(
  state: Pick<ScheduleState, 'dueOn' | 'visitsDone'>,
  intervalsDays: readonly number[],
  date: string,
): number {
  let missed = 0;
  let next = addDays(state.dueOn, intervalAfter(intervalsDays, state.visitsDone + 1));
  while (next < date && missed < 10_000) {
    missed += 1;
    next = addDays(next, intervalAfter(intervalsDays, state.visitsDone + 1 + missed));
  }
  return missed;
}

/**
 * The schedule after a visit on `visitedOn`. from_visit: the next visit falls an interval after
 * this one. keep_cadence: after the due date, stepping over the cadences the visit came too
 * late for (each of them missed), so the next due date is after the visit. A visit that came
 * after the following due date had passed also counts the visits it missed.
 */
export function afterVisit(
  state: ScheduleState,
  plan: Pick<PlanRule, 'intervalsDays' | 'shift'>,
  visitedOn: string,
): ScheduleState {
  const missed = cadencesPassed(state, plan.intervalsDays, visitedOn);
  const visitsDone = state.visitsDone + 1 + missed;
  switch (plan.shift) {
    case 'from_visit':
      return {
        baseOn: visitedOn,
        dueOn: addDays(visitedOn, intervalAfter(plan.intervalsDays, visitsDone)),
        visitsDone,
        missedCount: state.missedCount + missed,
      };
    case 'keep_cadence': {
      let baseOn = state.dueOn;
      for (let step = 0; step < missed; step += 1)
        baseOn = addDays(baseOn, intervalAfter(plan.intervalsDays, state.visitsDone + 1 + step));
      let dueOn = addDays(baseOn, intervalAfter(plan.intervalsDays, visitsDone));
      let skipped = 0;
      // A visit on or after the due date it would move to: that cadence is covered by this visit too.
      while (dueOn <= visitedOn && skipped < 10_000) {
        baseOn = dueOn;
        skipped += 1;
        dueOn = addDays(baseOn, intervalAfter(plan.intervalsDays, visitsDone + skipped));
      }
      return { baseOn, dueOn, visitsDone: visitsDone + skipped, missedCount: state.missedCount + missed };
    }
  }
}

export const SCHEDULE_STATUSES = ['upcoming', 'due_week', 'overdue', 'missed'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** The dates at which a schedule changes status, kept on the schedule so lists filter on them. */
export interface ScheduleMilestones {
  /** From this day the visit is due this week. */
  readonly dueWeekFrom: string;
  /** After this day (due date + grace) the visit is overdue. */
  readonly overdueAfter: string;
  /** After this day (the next due date) the visit is missed. */
  readonly missedAfter: string;
}

export function milestonesOf(
  state: Pick<ScheduleState, 'dueOn' | 'visitsDone'>,
  plan: Pick<PlanRule, 'intervalsDays' | 'graceDays'>,
): ScheduleMilestones {
  const next = addDays(state.dueOn, intervalAfter(plan.intervalsDays, state.visitsDone + 1));
  const overdueAfter = addDays(state.dueOn, plan.graceDays);
  return {
    dueWeekFrom: addDays(state.dueOn, -DUE_WEEK_DAYS),
    overdueAfter: overdueAfter < next ? overdueAfter : next,
    missedAfter: next,
  };
}

/**
 * A schedule's status on `today`: upcoming; due_week from 7 days before the due date until the
 * grace days after it end; overdue after that; missed once the following due date has passed too.
 */
export function scheduleStatusAt(
  state: Pick<ScheduleState, 'dueOn' | 'visitsDone'>,
  plan: Pick<PlanRule, 'intervalsDays' | 'graceDays'>,
  today: string,
): ScheduleStatus {
  const milestones = milestonesOf(state, plan);
  if (today > milestones.missedAfter) return 'missed';
  if (today > milestones.overdueAfter) return 'overdue';
  if (today >= milestones.dueWeekFrom) return 'due_week';
  return 'upcoming';
}

/** Visits missed by `today`: those counted at earlier visits, and the current one with the cadences after it once missed. */
export function missedCountAt(
  state: ScheduleState,
  plan: Pick<PlanRule, 'intervalsDays' | 'graceDays'>,
  today: string,
): number {
  if (scheduleStatusAt(state, plan, today) !== 'missed') return state.missedCount;
  return (
    state.missedCount +
    1 +
    cadencesPassed(
      {
        dueOn: addDays(state.dueOn, intervalAfter(plan.intervalsDays, state.visitsDone + 1)),
        visitsDone: state.visitsDone + 1,
      },
      plan.intervalsDays,
      today,
    )
  );
}

/** When an overdue visit earns its cards, as shares of the interval (100 = the due date itself). */
export interface VisitCardRules {
  readonly yellowPercent: number;
  readonly redPercent: number;
}

/**
 * The days after which the current due visit earns a yellow and a red card: the share of the
 * interval since the base date, plus the grace days (with 100% the yellow card comes the day
 * the visit turns overdue).
 */
export function visitCardDates(
  state: Pick<ScheduleState, 'baseOn' | 'visitsDone'>,
  plan: Pick<PlanRule, 'intervalsDays' | 'graceDays'>,
  rules: VisitCardRules,
): { yellowAfter: string; redAfter: string } {
  const interval = intervalAfter(plan.intervalsDays, state.visitsDone);
  return {
    yellowAfter: addDays(state.baseOn, Math.ceil((interval * rules.yellowPercent) / 100) + plan.graceDays),
    redAfter: addDays(state.baseOn, Math.ceil((interval * rules.redPercent) / 100) + plan.graceDays),
  };
}
