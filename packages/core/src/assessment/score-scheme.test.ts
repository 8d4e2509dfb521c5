import { describe, expect, it } from 'vitest';
import { countFigure, rateFigure, type IndicatorCode, type IndicatorFigure } from './indicators.js';
import { SCORE_FORMULA, defaultScoreScheme, normalizeScheme, schemeProblem, type ScoreSchemeBody, type UnitScheme } from './score-scheme.js';
import { deductionOf, rankUnits, scoreUnits, type ScoringUnit } from './score-scheme-scoring.js';

const rate = (numerator: number, denominator: number) => rateFigure(numerator, denominator, 5);
const unit = (name: string, figures: Partial<Record<IndicatorCode, IndicatorFigure>>): ScoringUnit => ({ unitId: name, unitName: name, path: `/1/${name}/`, parentName: null, figures });

const township: UnitScheme = {
  items: [
    { indicator: 'closure_rate', weight: 50 },
    { indicator: 'rework_rate', weight: 30 },
    { indicator: 'login_rate', weight: 20 },
  ],
  deductions: [
    { id: 'red', label: '每张红牌扣 2 分', indicator: 'red_cards', per: 1, points: 2 },
    { id: 'yellow', label: '当月黄牌超过 3 张扣 1 分', indicator: 'yellow_cards', when: { op: '>', value: 3 }, points: 1, basis: 'month' },
    { id: 'report', label: '每少报 1 篇扣 1 分', indicator: 'info_report_quota', measure: 'shortfall', per: 1, points: 1 },
  ],
  cap: 5,
};

describe('scoring a period with the scheme', () => {
  // Hand-computed: A earns 50×0.8 + 30×(1−0.1) + 20×1 = 87 and loses 2 (a red card) + 1 (4 yellow
  // cards) + 1 (a missed report) = 83; B earns 45 + 21 + 18 = 84; D earns 50 + 30 + 16 = 96 and
  // would lose 6 + 1 + 1 = 8, capped at 5: 91; E ties B at 84; C has too few closures (3) and
  // dispatches (2): it earns the others' averages ((40+45+50+45)/4 = 45 and (27+21+30+21)/4 =
  // 24.75) and 19 for logins, 88.75, unranked.
  const units = [
    unit('A', { closure_rate: rate(8, 10), rework_rate: rate(1, 10), login_rate: rate(20, 20), red_cards: countFigure(1), yellow_cards: countFigure(4), info_report_quota: rateFigure(0, 1, 5) }),
    unit('B', { closure_rate: rate(9, 10), rework_rate: rate(3, 10), login_rate: rate(18, 20), red_cards: countFigure(0), yellow_cards: countFigure(2), info_report_quota: rateFigure(1, 1, 5) }),
    unit('C', { closure_rate: rate(2, 3), rework_rate: rate(0, 2), login_rate: rate(19, 20), red_cards: countFigure(0), yellow_cards: countFigure(0), info_report_quota: rateFigure(1, 1, 5) }),
    unit('D', { closure_rate: rate(10, 10), rework_rate: rate(0, 10), login_rate: rate(16, 20), red_cards: countFigure(3), yellow_cards: countFigure(5), info_report_quota: rateFigure(0, 1, 5) }),
    unit('E', { closure_rate: rate(9, 10), rework_rate: rate(3, 10), login_rate: rate(18, 20) }),
  ];
  const scored = scoreUnits({ unitKind: 'township', scheme: township, units });
  const byName = new Map(scored.map((entry) => [entry.unitName, entry]));

  it('earns weight × value, lower-is-better as weight × (1 − value), minus the deductions', () => {
    const a = byName.get('A')!;
    expect(a.items.map((item) => item.points)).toEqual([40, 27, 20]);
    expect(a.deductions.map((deduction) => [deduction.ruleId, deduction.value, deduction.points])).toEqual([
      ['red', 1, -2],
      ['yellow', 4, -1],
      ['report', 1, -1],
    ]);
    expect(a.itemPoints).toBe(87);
    expect(a.score).toBe(83);
  });

  it('takes off no more than the cap and says so', () => {
    const d = byName.get('D')!;
    expect(d.itemPoints).toBe(96);
    expect(d.deductionPoints).toBe(5);
    expect(d.score).toBe(91);
    expect(d.deductions.at(-1)).toMatchObject({ ruleId: '_cap', value: 8, points: 3 });
    expect(d.items.reduce((sum, item) => sum + item.points, 0) + d.deductions.reduce((sum, item) => sum + item.points, 0)).toBe(91);
  });

  it('gives an item with too few cases the average of the units that have it, and leaves a unit with too few items unranked', () => {
    const c = byName.get('C')!;
    expect(c.items.map((item) => [item.basis, item.points])).toEqual([
      ['average', 45],
      ['average', 24.75],
      ['figure', 19],
    ]);
    expect(c.score).toBe(88.75);
    expect(c.tooFew).toBe(true);
    expect(c.rank).toBeNull();
  });

  it('ranks by score with ties sharing a rank, the unranked last', () => {
    expect(scored.map((entry) => [entry.unitName, entry.score, entry.rank])).toEqual([
      ['D', 91, 1],
      ['B', 84, 2],
      ['E', 84, 2],
      ['A', 83, 4],
      ['C', 88.75, null],
    ]);
  });

  it('leaves out an item nobody has a figure for and scales the others to 100', () => {
    const scheme: UnitScheme = { items: [{ indicator: 'login_rate', weight: 50 }, { indicator: 'survey_awareness', weight: 50 }], deductions: [], cap: 0 };
    const [only] = scoreUnits({ unitKind: 'village', scheme, units: [unit('V', { login_rate: rate(9, 10) })] });
    expect(only!.items.map((item) => [item.basis, item.weight, item.points])).toEqual([
      ['figure', 100, 90],
      ['not_measured', 0, 0],
    ]);
    expect(only!.score).toBe(90);
    expect(only!.tooFew).toBe(false);
  });

  it('judges a month-by-month rule on each month of a year', () => {
    const year = scoreUnits({
      unitKind: 'township',
      scheme: { ...township, cap: 20 },
      units: [unit('A', { closure_rate: rate(10, 10), rework_rate: rate(0, 10), login_rate: rate(10, 10), yellow_cards: countFigure(9) })],
      months: [
        { period: '2026-03', figures: new Map([['A', { yellow_cards: countFigure(4) }]]) },
        { period: '2026-04', figures: new Map([['A', { yellow_cards: countFigure(5) }]]) },
        { period: '2026-05', figures: new Map([['A', { yellow_cards: countFigure(0) }]]) },
      ],
    });
    expect(year[0]!.deductions.map((deduction) => [deduction.period, deduction.points])).toEqual([
      ['2026-03', -1],
      ['2026-04', -1],
    ]);
    expect(year[0]!.score).toBe(98);
  });

  it('does not count a report as missed while its month is still running, in a month or a year', () => {
    const report = township.deductions[2]!;
    const scheme: UnitScheme = { items: [{ indicator: 'login_rate', weight: 100 }], deductions: [{ ...report, basis: 'month' }], cap: 20 };
    const units = [unit('A', { login_rate: rate(10, 10), info_report_quota: rateFigure(0, 2, 5) })];
    expect(scoreUnits({ unitKind: 'township', scheme, units, ended: false })[0]!.score).toBe(100);
    expect(scoreUnits({ unitKind: 'township', scheme, units, ended: true })[0]!.score).toBe(98);
    const year = scoreUnits({
      unitKind: 'township',
      scheme,
      units,
      ended: false,
      months: [
        { period: '2026-11', figures: new Map([['A', { info_report_quota: rateFigure(0, 1, 5) }]]), ended: true },
        { period: '2026-12', figures: new Map([['A', { info_report_quota: rateFigure(0, 1, 5) }]]), ended: false },
      ],
    });
    expect(year[0]!.deductions.map((deduction) => [deduction.period, deduction.points])).toEqual([['2026-11', -1]]);
    // The default scheme judges a missed report month by month: a surplus in one month does not make up for another.
    expect(defaultScoreScheme().units.township!.deductions.find((rule) => rule.id === 'missed-report')).toMatchObject({ measure: 'shortfall', basis: 'month' });
  });

  it('neither ranks a unit with no data at all at 0 nor on the averages, and still takes its deductions; the formula says so', () => {
    const scheme: UnitScheme = { items: [{ indicator: 'closure_rate', weight: 60 }, { indicator: 'login_rate', weight: 40 }], deductions: [township.deductions[0]!], cap: 10 };
    const scored = scoreUnits({
      unitKind: 'township',
      scheme,
      units: [unit('有', { closure_rate: rate(5, 10), login_rate: rate(10, 10) }), unit('无', { red_cards: countFigure(1) })],
    });
    expect(scored.map((entry) => [entry.unitName, entry.rank, entry.tooFew, entry.score])).toEqual([
      ['有', 1, false, 70],
      ['无', null, true, 68],
    ]);
    expect(SCORE_FORMULA['zh-CN']).toContain('完全没有数据的单位既不按 0 分排在末位，也不按平均分参与排名');
    expect(SCORE_FORMULA['en-US']).toContain('a unit with no data at all is neither ranked last at 0 nor ranked on the averages');
    expect(SCORE_FORMULA['zh-CN']).toContain('缺报扣分（按差额计）只计已结束的月份或期间');
  });

  it('judges a rate rule only on enough cases and counts a rework rate above 1 as nothing earned', () => {
    const below = { id: 'login', label: '登录率低于 80% 扣 1 分', indicator: 'login_rate' as const, when: { op: '<' as const, value: 0.8 }, points: 1 };
    expect(deductionOf(below, rate(3, 10))).toEqual({ value: 0.3, points: 1 });
    expect(deductionOf(below, rate(1, 4))).toBeNull();
    expect(deductionOf(below, rate(9, 10))).toEqual({ value: 0.9, points: 0 });
    const [reworked] = scoreUnits({ unitKind: 'department', scheme: { items: [{ indicator: 'rework_rate', weight: 100 }], deductions: [], cap: 0 }, units: [unit('P', { rework_rate: rate(12, 10) })] });
    expect(reworked!.score).toBe(0);
  });

  it('ranks equal scores together and skips the next rank', () => {
    const ranked = rankUnits([
      { unitName: '甲', score: 80, tooFew: false },
      { unitName: '乙', score: 90, tooFew: false },
      { unitName: '丙', score: 80, tooFew: false },
      { unitName: '丁', score: 70, tooFew: false },
    ]);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe('checking a scheme', () => {
  const valid = defaultScoreScheme();
  const withVillage = (village: UnitScheme): ScoreSchemeBody => ({ ...valid, units: { ...valid.units, village } });
  const village = valid.units.village!;

  it('accepts the default scheme built from the plan', () => {
    expect(schemeProblem(valid)).toBeNull();
    for (const scheme of Object.values(valid.units)) expect(scheme.items.reduce((sum, item) => sum + item.weight, 0)).toBe(100);
  });

  it('writes out the rules’ defaults, so that the same scheme compares equal however it was sent', () => {
    const normal = normalizeScheme(valid);
    expect(normal.units.village!.deductions[0]).toEqual({ id: 'red-card', label: '每张红牌扣 2 分', indicator: 'red_cards', measure: 'value', per: 1, points: 2, basis: 'period' });
    expect(normalizeScheme(normal)).toEqual(normal);
  });

  it('refuses weights that do not add up to 100, naming the unit kind', () => {
    const items = village.items.map((item, index) => (index === 0 ? { ...item, weight: item.weight - 1 } : item));
    expect(schemeProblem(withVillage({ ...village, items }))).toMatchObject({ code: 'SCHEME_WEIGHTS_NOT_100', field: 'units.village.items', unitKind: 'village', sum: 99 });
  });

  it('refuses an unknown indicator or one that does not apply, naming its path', () => {
    const deductions = [village.deductions[0]!, { ...village.deductions[1]!, indicator: 'late_lunches' as IndicatorCode }];
    expect(schemeProblem(withVillage({ ...village, deductions }))).toMatchObject({ code: 'SCHEME_INDICATOR_INVALID', field: 'units.village.deductions[1].indicator' });
    const items = village.items.map((item, index) => (index === 1 ? { ...item, indicator: 'sign_for_on_time' as const } : item));
    expect(schemeProblem(withVillage({ ...village, items }))).toMatchObject({ code: 'SCHEME_INDICATOR_INVALID', field: 'units.village.items[1].indicator', indicator: 'sign_for_on_time' });
  });

  it('keeps count indicators out of the items and judges them by value only', () => {
    const items = village.items.map((item, index) => (index === 0 ? { ...item, indicator: 'red_cards' as const } : item));
    expect(schemeProblem(withVillage({ ...village, items }))).toMatchObject({ code: 'SCHEME_COUNT_AS_ITEM', field: 'units.village.items[0].indicator' });
    const deductions = [{ ...village.deductions[0]!, measure: 'shortfall' as const }];
    expect(schemeProblem(withVillage({ ...village, deductions }))).toMatchObject({ code: 'SCHEME_RULE_INVALID', field: 'units.village.deductions[0].measure' });
  });

  it('refuses a repeated item or rule id, a rate threshold above 1 and a rule with nothing to judge', () => {
    const items = [...village.items.slice(0, -1), { indicator: 'login_rate' as const, weight: 5 }];
    expect(schemeProblem(withVillage({ ...village, items }))).toMatchObject({ code: 'SCHEME_RULE_INVALID', field: `units.village.items[${items.length - 1}].indicator`, rule: 'item_repeated' });
    const twice = [village.deductions[0]!, { ...village.deductions[1]!, id: village.deductions[0]!.id }];
    expect(schemeProblem(withVillage({ ...village, deductions: twice }))).toMatchObject({ field: 'units.village.deductions[1].id', rule: 'rule_id_repeated' });
    const threshold = [{ id: 'login', label: '登录率', indicator: 'login_rate' as const, when: { op: '<' as const, value: 80 }, points: 1 }];
    expect(schemeProblem(withVillage({ ...village, deductions: threshold }))).toMatchObject({ field: 'units.village.deductions[0].when.value', rule: 'rate_threshold' });
    const bare = [{ id: 'red', label: '红牌', indicator: 'red_cards' as const, points: 1 }];
    expect(schemeProblem(withVillage({ ...village, deductions: bare }))).toMatchObject({ field: 'units.village.deductions[0].when', rule: 'nothing_to_judge' });
    expect(schemeProblem({ minCases: 5, units: {} })).toMatchObject({ field: 'units', rule: 'no_unit_kind' });
  });
});
