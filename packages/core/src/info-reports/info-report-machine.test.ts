// The rules of 信息报送 as the plan states them: a township submits, withdraws while waiting; the
// county adopts at a level (raised later, never lowered) or returns with a note; a returned report
// is revised and submitted again. The quota counts reports first submitted in the month.
import { describe, expect, it } from 'vitest';
import {
  INFO_REPORT_ACTIONS,
  INFO_REPORT_LEVELS,
  INFO_REPORT_STATUSES,
  infoReportActions,
  isInfoReportEditable,
  quotaFigures,
  shanghaiMonth,
  transitionInfoReport,
  type InfoReportLevel,
  type InfoReportStatus,
} from './info-report-machine.js';

const state = (status: InfoReportStatus, level: InfoReportLevel | null = null) => ({ status, level });

describe('the information report machine', () => {
  it.each([
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'withdraw', 'draft'],
    ['submitted', 'return', 'returned'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(transitionInfoReport(state(from), action)).toEqual({ ok: true, status: to, level: null });
  });

  it('adopts a submitted report at the level chosen', () => {
    expect(transitionInfoReport(state('submitted'), 'adopt', 'city')).toEqual({ ok: true, status: 'adopted', level: 'city' });
  });

  it('raises an adoption from county to city, but never lowers it or repeats it', () => {
    expect(transitionInfoReport(state('adopted', 'county'), 'adopt', 'city')).toEqual({ ok: true, status: 'adopted', level: 'city' });
    expect(transitionInfoReport(state('adopted', 'city'), 'adopt', 'county')).toEqual({ ok: false, code: 'INFO_REPORT_NOT_ADOPTABLE' });
    expect(transitionInfoReport(state('adopted', 'city'), 'adopt', 'city')).toEqual({ ok: false, code: 'INFO_REPORT_NOT_ADOPTABLE' });
  });

  it('refuses every other transition with a code', () => {
    const legal = new Set(['draft submit', 'returned submit', 'submitted withdraw', 'submitted return', 'submitted adopt', 'adopted adopt']);
    for (const status of INFO_REPORT_STATUSES)
      for (const action of INFO_REPORT_ACTIONS) {
        if (legal.has(`${status} ${action}`)) continue;
        const outcome = transitionInfoReport(state(status, status === 'adopted' ? 'province' : null), action, 'province');
        expect({ status, action, ok: outcome.ok }).toEqual({ status, action, ok: false });
        if (!outcome.ok) expect(outcome.code).toMatch(/^INFO_REPORT_/);
      }
  });

  it('edits only drafts and returned reports', () => {
    expect(INFO_REPORT_STATUSES.filter(isInfoReportEditable)).toEqual(['draft', 'returned']);
  });

  it('offers the author and the reviewer only their own open actions', () => {
    expect(infoReportActions(state('draft'), 'author')).toEqual(['submit']);
    expect(infoReportActions(state('submitted'), 'author')).toEqual(['withdraw']);
    expect(infoReportActions(state('submitted'), 'reviewer')).toEqual(['adopt', 'return']);
    expect(infoReportActions(state('adopted', 'county'), 'reviewer')).toEqual(['adopt']);
    expect(infoReportActions(state('adopted', 'province'), 'reviewer')).toEqual([]);
    expect(infoReportActions(state('returned'), 'reviewer')).toEqual([]);
    expect(INFO_REPORT_LEVELS).toEqual(['county', 'city', 'province']);
  });
});

describe('the monthly quota', () => {
  it('a township with 2 submitted, 1 adopted against a quota of 1 has met it at 50%', () => {
    expect(quotaFigures(2, 1, 1)).toEqual({ submitted: 2, adopted: 1, quota: 1, met: true, adoptionRate: 50 });
  });
  it('a township with nothing submitted is below quota with no adoption rate', () => {
    expect(quotaFigures(0, 0, 1)).toEqual({ submitted: 0, adopted: 0, quota: 1, met: false, adoptionRate: null });
  });
  it('counts months in Shanghai: 16:30 UTC on the last day is already next month', () => {
    expect(shanghaiMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(Date.parse('2026-11-30T15:59:00Z'))).toBe('2026-11');
  });
});
