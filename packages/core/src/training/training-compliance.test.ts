import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRAINING_RULES,
  periodsOfYear,
  ruleCompliance,
  trainingCompliance,
  trainingRulesProblem,
  type AttendedTraining,
} from './training-compliance.js';
import { isInvited } from './training-kinds.js';

const ethics = (date: string): AttendedTraining => ({ kind: 'ethics', date });
const skills = (date: string): AttendedTraining => ({ kind: 'skills', date });

describe('training compliance', () => {
  it('a grid worker with one ethics training in a past year is short by one', () => {
    const [rule] = trainingCompliance(DEFAULT_TRAINING_RULES, 'grid_worker_parttime', 2025, '2026-03-01', [ethics('2025-05-01')]);
    expect(rule).toMatchObject({ kind: 'ethics', required: 2, attended: 1, shortBy: 1 });
    expect(rule?.periods).toEqual([{ key: '2025', from: '2025-01-01', to: '2025-12-31', required: 2, attended: 1, shortBy: 1, ended: true }]);
  });

  it('a skills training a quarter: three in the first quarter do not make up for the second', () => {
    const rule = ruleCompliance(DEFAULT_TRAINING_RULES[1]!, 2026, '2026-05-10', [skills('2026-01-05'), skills('2026-02-05'), skills('2026-03-31')]);
    expect(rule.periods.map((period) => [period.key, period.attended, period.shortBy, period.ended])).toEqual([
      ['2026-Q1', 3, 0, true],
      ['2026-Q2', 0, 1, false],
    ]);
    expect(rule).toMatchObject({ required: 2, attended: 1, shortBy: 1 });
  });

  it('asks nothing of periods that ended before the account was created', () => {
    // Joined on 2026-08-15: Q1 and Q2 ended before, Q3 (its last day after) and Q4 count.
    const rules = trainingCompliance(DEFAULT_TRAINING_RULES, 'grid_worker_fulltime', 2026, '2026-11-24', [skills('2026-09-01')], '2026-08-15');
    const quarterly = rules.find((rule) => rule.per === 'quarter');
    expect(quarterly?.periods.map((period) => period.key)).toEqual(['2026-Q3', '2026-Q4']);
    expect(quarterly).toMatchObject({ required: 2, attended: 1, shortBy: 1 });
    // The year has not ended: the yearly rule still asks for it.
    expect(rules.find((rule) => rule.per === 'year')).toMatchObject({ required: 2, shortBy: 2 });
    // Created after the year in question ended: nothing is asked of that year.
    expect(trainingCompliance(DEFAULT_TRAINING_RULES, 'grid_worker_fulltime', 2025, '2026-11-24', [], '2026-01-10').map((rule) => rule.required)).toEqual([0, 0]);
    // Created on a quarter's last day: that quarter still counts.
    expect(ruleCompliance(DEFAULT_TRAINING_RULES[1]!, 2026, '2026-11-24', [], '2026-06-30').periods[0]?.key).toBe('2026-Q2');
  });

  it('counts only quarters begun by today, and nothing in a future year', () => {
    expect(periodsOfYear('quarter', 2026, '2026-07-01').map((period) => period.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(periodsOfYear('quarter', 2026, '2026-06-30').at(-1)).toEqual({ key: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(periodsOfYear('quarter', 2024, '2026-01-01').at(-1)?.to).toBe('2024-12-31');
    expect(periodsOfYear('year', 2027, '2026-12-31')).toEqual([]);
  });

  it('a department handler is held to the department rule only; a leader to none', () => {
    const rules = trainingCompliance(DEFAULT_TRAINING_RULES, 'dept_handler', 2026, '2026-12-01', [{ kind: 'department', date: '2026-04-02' }, ethics('2026-04-03')]);
    expect(rules.map((rule) => [rule.kind, rule.required, rule.attended, rule.shortBy])).toEqual([['department', 1, 1, 0]]);
    expect(trainingCompliance(DEFAULT_TRAINING_RULES, 'leader', 2026, '2026-12-01', [])).toEqual([]);
  });

  it('a session on the last day of a period counts for it', () => {
    const rule = ruleCompliance({ kind: 'skills', audience: 'grid_worker', minimum: 1, per: 'quarter' }, 2026, '2026-12-31', [skills('2026-09-30'), skills('2026-12-31')]);
    expect(rule.periods.map((period) => period.shortBy)).toEqual([1, 1, 0, 0]);
  });
});

describe('training rules', () => {
  it('accepts the defaults and names the first wrong field', () => {
    expect(trainingRulesProblem(DEFAULT_TRAINING_RULES)).toBeNull();
    expect(trainingRulesProblem([{ kind: 'ethics', audience: 'grid_worker', minimum: 0, per: 'year' }])).toBe('rules[0].minimum');
    expect(trainingRulesProblem([{ kind: 'skills', audience: 'grid_worker', minimum: 14, per: 'quarter' }])).toBe('rules[0].minimum');
    expect(
      trainingRulesProblem([
        { kind: 'ethics', audience: 'grid_worker', minimum: 2, per: 'year' },
        { kind: 'ethics', audience: 'grid_worker', minimum: 3, per: 'year' },
      ]),
    ).toBe('rules[1]');
  });
});

describe('invitations', () => {
  const worker = { role: 'grid_worker_fulltime' as const, orgPath: '/511124/511124101/511124101001/', departmentId: null };
  it('an empty audience invites every trainee; roles and units narrow it', () => {
    expect(isInvited({ roles: [], orgPaths: [], departmentIds: [] }, worker)).toBe(true);
    expect(isInvited({ roles: ['dept_handler'], orgPaths: [], departmentIds: [] }, worker)).toBe(false);
    expect(isInvited({ roles: [], orgPaths: ['/511124/511124101/'], departmentIds: [] }, worker)).toBe(true);
    expect(isInvited({ roles: [], orgPaths: ['/511124/511124102/'], departmentIds: ['d1'] }, worker)).toBe(false);
    expect(isInvited({ roles: [], orgPaths: [], departmentIds: [] }, { ...worker, role: 'leader' })).toBe(false);
    expect(isInvited({ roles: [], orgPaths: [], departmentIds: ['d1'] }, { role: 'dept_handler', orgPath: '/511124/511124101/', departmentId: 'd1' })).toBe(true);
  });
});
