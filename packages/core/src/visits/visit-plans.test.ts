import { describe, expect, it } from 'vitest';
import {
  addDays,
  afterVisit,
  dueOfVisit,
  firstSchedule,
  scheduleStartingOn,
  intervalAfter,
  milestonesOf,
  missedCountAt,
  planForSubject,
  planSubjectKey,
  scheduleStatusAt,
  visitCardDates,
  type PlanRule,
} from './visit-plans.js';

const plan = (
  id: string,
  subject: PlanRule['subject'],
  intervalsDays: number[],
  extra: Partial<PlanRule> = {},
): PlanRule => ({ id, subject, intervalsDays, shift: 'from_visit', graceDays: 0, active: true, ...extra });

describe('which plan applies to a subject', () => {
  const plans = [
    plan(
      'any-correction',
      { kind: 'special_population', category: 'community_correction', riskLevel: null },
      [30],
    ),
    plan(
      'high-correction',
      { kind: 'special_population', category: 'community_correction', riskLevel: 'high' },
      [7],
    ),
    plan(
      'retired-low',
      { kind: 'special_population', category: 'community_correction', riskLevel: 'low' },
      [90],
      { active: false },
    ),
    plan('dibao', { kind: 'assistance', assistanceKind: 'minimum_living' }, [30]),
    plan('left-behind', { kind: 'tag', tag: 'left_behind_child' }, [30]),
  ];

  it('gives a high-risk person under correction the plan of their level, not the one for every level', () => {
    expect(
      planForSubject(plans, {
        kind: 'special_population',
        category: 'community_correction',
        riskLevel: 'high',
      })?.id,
    ).toBe('high-correction');
  });

  it('falls back to the plan for every level when the level has none, or only a retired one', () => {
    expect(
      planForSubject(plans, {
        kind: 'special_population',
        category: 'community_correction',
        riskLevel: 'medium',
      })?.id,
    ).toBe('any-correction');
    expect(
      planForSubject(plans, {
        kind: 'special_population',
        category: 'community_correction',
        riskLevel: 'low',
      })?.id,
    ).toBe('any-correction');
  });

  it('finds no plan for a category, assistance kind or tag nobody planned', () => {
    expect(
      planForSubject(plans, { kind: 'special_population', category: 'drug_user', riskLevel: 'high' }),
    ).toBeNull();
    expect(planForSubject(plans, { kind: 'assistance', assistanceKind: 'disability' })).toBeNull();
    expect(planForSubject(plans, { kind: 'tag', tag: 'veteran' })).toBeNull();
  });

  it('matches assistance by kind and tagged people by tag', () => {
    expect(planForSubject(plans, { kind: 'assistance', assistanceKind: 'minimum_living' })?.id).toBe('dibao');
    expect(planForSubject(plans, { kind: 'tag', tag: 'left_behind_child' })?.id).toBe('left-behind');
  });

  it('keys plans so that two plans for the same subjects collide', () => {
    expect(planSubjectKey({ kind: 'special_population', category: 'drug_user', riskLevel: null })).toBe(
      'special_population:drug_user:*',
    );
    expect(planSubjectKey({ kind: 'special_population', category: 'drug_user', riskLevel: 'low' })).not.toBe(
      planSubjectKey({ kind: 'special_population', category: 'drug_user', riskLevel: null }),
    );
  });
});

describe('due dates from the anchor and the intervals', () => {
  it('counts visit 1, 2, 3 … with 15, then 30, then 90 days repeating after release', () => {
    const intervals = [15, 30, 90];
    expect(dueOfVisit('2026-01-01', intervals, 1)).toBe('2026-01-16');
    expect(dueOfVisit('2026-01-01', intervals, 2)).toBe('2026-02-15');
    expect(dueOfVisit('2026-01-01', intervals, 3)).toBe('2026-05-16');
    expect(dueOfVisit('2026-01-01', intervals, 4)).toBe('2026-08-14');
    expect(intervalAfter(intervals, 10)).toBe(90);
  });

  it('crosses month and leap-year ends on the calendar', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('starts a new schedule an interval after its anchor', () => {
    expect(firstSchedule('2026-11-01', [7])).toEqual({
      baseOn: '2026-11-01',
      dueOn: '2026-11-08',
      visitsDone: 0,
      missedCount: 0,
    });
  });

  it('owes nothing from before the platform kept the schedule: a plan introduced today starts at today’s cadence', () => {
    // Released 1 November, first visit after 7 days: kept from 3 November, nothing is stepped over.
    expect(scheduleStartingOn('2026-11-01', [7], '2026-11-03')).toEqual(firstSchedule('2026-11-01', [7]));
    // A record entered 40 days after it began (7, 15, then 30 days): the visits of days 7 and 22
    // were never owed; the next is day 52, at the 30-day interval.
    expect(scheduleStartingOn('2026-10-01', [7, 15, 30], '2026-11-10')).toEqual({
      baseOn: '2026-10-23',
      dueOn: '2026-11-22',
      visitsDone: 2,
      missedCount: 0,
    });
    // Released years ago, weekly: due within the coming week, never overdue on day one.
    const old = scheduleStartingOn('2023-03-15', [7], '2026-12-02');
    expect(old.dueOn >= '2026-12-02' && old.dueOn <= '2026-12-09').toBe(true);
    expect(scheduleStatusAt(old, { intervalsDays: [7], graceDays: 0 }, '2026-12-02')).toBe('due_week');
    // A cadence falling due today is owed today.
    expect(scheduleStartingOn('2026-11-25', [7], '2026-12-02').dueOn).toBe('2026-12-02');
  });
});

describe('the next due date after a visit', () => {
  const start = firstSchedule('2026-01-01', [30]);

  it('from_visit: a visit 10 days early moves the next one 10 days earlier', () => {
    expect(afterVisit(start, { intervalsDays: [30], shift: 'from_visit' }, '2026-01-21')).toEqual({
      baseOn: '2026-01-21',
      dueOn: '2026-02-20',
      visitsDone: 1,
      missedCount: 0,
    });
  });

  it('from_visit: a late visit moves the next one later', () => {
    expect(afterVisit(start, { intervalsDays: [30], shift: 'from_visit' }, '2026-02-10').dueOn).toBe(
      '2026-03-12',
    );
  });

  it('keep_cadence: an early or slightly late visit keeps the cadence of due dates', () => {
    expect(afterVisit(start, { intervalsDays: [30], shift: 'keep_cadence' }, '2026-01-21').dueOn).toBe(
      '2026-03-02',
    );
    expect(afterVisit(start, { intervalsDays: [30], shift: 'keep_cadence' }, '2026-02-10').dueOn).toBe(
      '2026-03-02',
    );
  });

  it('keep_cadence: a visit long after skips the cadences already past, counting the missed ones', () => {
    const after = afterVisit(start, { intervalsDays: [30], shift: 'keep_cadence' }, '2026-04-15');
    // Due 01-31, then 03-02 and 04-01 passed unvisited: two missed; next cadence after the visit.
    expect(after).toEqual({ baseOn: '2026-04-01', dueOn: '2026-05-01', visitsDone: 3, missedCount: 2 });
  });

  it('from_visit: a visit after the following due date counts the visit it missed', () => {
    expect(afterVisit(start, { intervalsDays: [30], shift: 'from_visit' }, '2026-03-05')).toEqual({
      baseOn: '2026-03-05',
      dueOn: '2026-04-04',
      visitsDone: 2,
      missedCount: 1,
    });
  });

  it('uses the next interval of a varying plan after each visit', () => {
    const first = firstSchedule('2026-01-01', [15, 30, 90]);
    const one = afterVisit(first, { intervalsDays: [15, 30, 90], shift: 'from_visit' }, '2026-01-16');
    expect(one.dueOn).toBe('2026-02-15');
    const two = afterVisit(one, { intervalsDays: [15, 30, 90], shift: 'from_visit' }, '2026-02-15');
    expect(two.dueOn).toBe('2026-05-16');
  });
});

describe('the status of a schedule on a day', () => {
  const rule = { intervalsDays: [30], graceDays: 3 };
  const state = { baseOn: '2026-01-01', dueOn: '2026-01-31', visitsDone: 0, missedCount: 0 };

  it('is upcoming more than a week before the due date', () => {
    expect(scheduleStatusAt(state, rule, '2026-01-23')).toBe('upcoming');
  });

  it('is due this week from 7 days before until the grace days end', () => {
    expect(scheduleStatusAt(state, rule, '2026-01-24')).toBe('due_week');
    expect(scheduleStatusAt(state, rule, '2026-02-03')).toBe('due_week');
  });

  it('is overdue after the grace days, and missed once the next due date has passed', () => {
    expect(scheduleStatusAt(state, rule, '2026-02-04')).toBe('overdue');
    expect(scheduleStatusAt(state, rule, '2026-03-02')).toBe('overdue');
    expect(scheduleStatusAt(state, rule, '2026-03-03')).toBe('missed');
  });

  it('counts each cadence passed unvisited as a missed visit, on top of those already counted', () => {
    expect(missedCountAt({ ...state, missedCount: 2 }, rule, '2026-02-10')).toBe(2);
    expect(missedCountAt({ ...state, missedCount: 2 }, rule, '2026-03-03')).toBe(3);
    expect(missedCountAt(state, rule, '2026-04-02')).toBe(2);
  });

  it('keeps the status dates on the schedule: due week, overdue and missed thresholds', () => {
    expect(milestonesOf(state, rule)).toEqual({
      dueWeekFrom: '2026-01-24',
      overdueAfter: '2026-02-03',
      missedAfter: '2026-03-02',
    });
    // Grace longer than the interval: missed comes first.
    expect(
      milestonesOf({ dueOn: '2026-01-08', visitsDone: 0 }, { intervalsDays: [7], graceDays: 10 })
        .overdueAfter,
    ).toBe('2026-01-15');
  });
});

describe('cards for an overdue visit', () => {
  it('earns a yellow card once overdue and a red one past 150% of the interval, both after the grace days', () => {
    const state = { baseOn: '2026-01-01', visitsDone: 0 };
    expect(
      visitCardDates(state, { intervalsDays: [30], graceDays: 3 }, { yellowPercent: 100, redPercent: 150 }),
    ).toEqual({ yellowAfter: '2026-02-03', redAfter: '2026-02-18' });
    expect(
      visitCardDates(state, { intervalsDays: [7], graceDays: 0 }, { yellowPercent: 100, redPercent: 200 }),
    ).toEqual({ yellowAfter: '2026-01-08', redAfter: '2026-01-15' });
  });
});
