import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_RULES } from '../events/event-deadlines.js';
import { EVERY_DAY_WORKING, workingCalendar } from '../calendar/working-calendar.js';
import {
  checkUnits,
  cutoffInstant,
  dailyCheckNotice,
  dailyCheckStatus,
  eventStatesAt,
  isCheckedDay,
  pathAtDepth,
  signedLate,
  summarizeMonth,
  type DailyCheckFacts,
  type TimelineFact,
} from './daily-check.js';

const TOWNSHIP = '/511124/511124101/';
const VILLAGE = '/511124/511124101/511124101001/';
const QUIET = '/511124/511124101/511124101002/';
// 2026-11-24 (a Tuesday): the cut-off 17:00 in Shanghai is 09:00 UTC.
const CUTOFF = '2026-11-24T09:00:00.000Z';

const step = (eventId: string, seq: number, action: string, toStatus: TimelineFact['toStatus'], leadDepartmentId: string | null = null): TimelineFact => ({ eventId, seq, action, toStatus, leadDepartmentId });

function facts(overrides: Partial<DailyCheckFacts> = {}): DailyCheckFacts {
  return {
    asOf: CUTOFF,
    units: [
      { kind: 'township', id: 't', name: '马踏镇', path: TOWNSHIP },
      { kind: 'village', id: 'v', name: '马踏村', path: VILLAGE },
      { kind: 'village', id: 'q', name: '清水村', path: QUIET },
      { kind: 'department', id: 'police', name: '派出所', path: TOWNSHIP },
      { kind: 'department', id: 'court', name: '法庭', path: TOWNSHIP },
    ],
    accounts: [
      { id: 'op', orgPath: TOWNSHIP, departmentId: null },
      { id: 'gw', orgPath: `${VILLAGE}G01/`, departmentId: null },
      { id: 'va', orgPath: VILLAGE, departmentId: null },
      { id: 'qa', orgPath: QUIET, departmentId: null },
      { id: 'ph', orgPath: TOWNSHIP, departmentId: 'police' },
    ],
    firstSignIns: new Map([
      ['gw', '2026-11-24T00:30:00.000Z'],
      ['va', '2026-11-24T02:00:00.000Z'],
      ['ph', '2026-11-24T01:00:00.000Z'],
      // After the cut-off: too late for the day.
      ['op', '2026-11-24T09:30:00.000Z'],
    ]),
    openEvents: [],
    timeline: [],
    signFors: [],
    rules: DEFAULT_CARD_RULES,
    calendar: EVERY_DAY_WORKING,
    ...overrides,
  };
}

describe('the daily login and sign-for check', () => {
  it('puts the cut-off at 17:00 Shanghai time, 09:00 UTC, and refuses a time that is not HH:MM', () => {
    expect(cutoffInstant('2026-11-24', '17:00')).toBe(CUTOFF);
    expect(cutoffInstant('2026-11-24', '08:30')).toBe('2026-11-24T00:30:00.000Z');
    expect(() => cutoffInstant('2026-11-24', '5pm')).toThrow(RangeError);
  });

  it('checks working days only, unless the county asks for rest days too', () => {
    const calendar = workingCalendar([{ date: '2026-10-01', kind: 'holiday' }]);
    const settings = { cutoff: '17:00', checkRestDays: false };
    expect(isCheckedDay('2026-11-24', calendar, settings)).toBe(true);
    expect(isCheckedDay('2026-11-28', calendar, settings)).toBe(false); // a Saturday
    expect(isCheckedDay('2026-10-01', calendar, settings)).toBe(false); // 国庆
    expect(isCheckedDay('2026-11-28', calendar, { ...settings, checkRestDays: true })).toBe(true);
  });

  it('rates a unit ok, not signed in, with events waiting, or both; a unit without accounts only on what waits', () => {
    expect(dailyCheckStatus({ accounts: 2, loggedIn: true, waiting: 0 })).toBe('ok');
    expect(dailyCheckStatus({ accounts: 2, loggedIn: false, waiting: 0 })).toBe('not_logged_in');
    expect(dailyCheckStatus({ accounts: 2, loggedIn: true, waiting: 1 })).toBe('unsigned');
    expect(dailyCheckStatus({ accounts: 2, loggedIn: false, waiting: 3 })).toBe('both');
    expect(dailyCheckStatus({ accounts: 0, loggedIn: false, waiting: 0 })).toBe('ok');
    expect(dailyCheckStatus({ accounts: 0, loggedIn: false, waiting: 1 })).toBe('unsigned');
  });

  it('reads an event’s status and lead department at any moment back from its timeline', () => {
    const states = eventStatesAt([
      step('e1', 3, 'return', 'accepted'),
      step('e1', 1, 'report', 'reported'),
      step('e1', 2, 'dispatch', 'dispatched', 'police'),
      step('e1', 4, 'dispatch', 'dispatched', 'court'),
      step('e1', 5, 'supervise', 'dispatched'),
      step('e2', 1, 'report', 'reported'),
      step('e2', 2, 'accept', 'accepted'),
    ]);
    expect(states.get('e1')).toEqual({ status: 'dispatched', leadDepartmentId: 'court' });
    expect(states.get('e2')).toEqual({ status: 'accepted', leadDepartmentId: null });
  });

  it('judges a sign-for late against the sign-for hours counted in working time from the dispatch', () => {
    const fact = { eventId: 'e', departmentId: 'police', dispatchedAt: '2026-11-20T08:00:00.000Z', signedAt: '2026-11-23T01:00:00.000Z', signForHours: 24 };
    // Friday 16:00 + 24 h of clock time is Saturday 16:00: Monday 09:00 is late.
    expect(signedLate(fact, DEFAULT_CARD_RULES, EVERY_DAY_WORKING)).toBe(true);
    // In working time the weekend stands still: the deadline is Monday 16:00.
    expect(signedLate(fact, DEFAULT_CARD_RULES, workingCalendar([]))).toBe(false);
  });

  it('finds the department that signed in but left an event unsigned at 17:00, and the village nobody signed in to', () => {
    const results = checkUnits(
      facts({
        openEvents: [
          { id: 'unsigned', path: `${VILLAGE}G01/`, escalatedAt: null },
          { id: 'signed', path: `${VILLAGE}G01/`, escalatedAt: null },
          { id: 'to-verify', path: `${QUIET}G01/`, escalatedAt: null },
          { id: 'new', path: `${VILLAGE}G02/`, escalatedAt: null },
          { id: 'escalated', path: `${VILLAGE}G02/`, escalatedAt: '2026-11-24T03:00:00.000Z' },
        ],
        timeline: [
          step('unsigned', 1, 'report', 'reported'),
          step('unsigned', 2, 'accept', 'accepted'),
          step('unsigned', 3, 'dispatch', 'dispatched', 'police'),
          step('signed', 1, 'report', 'reported'),
          step('signed', 2, 'accept', 'accepted'),
          step('signed', 3, 'dispatch', 'dispatched', 'police'),
          step('signed', 4, 'sign_for', 'signed'),
          step('to-verify', 1, 'report', 'reported'),
          step('to-verify', 2, 'accept', 'accepted'),
          step('to-verify', 3, 'dispatch', 'dispatched', 'police'),
          step('to-verify', 4, 'sign_for', 'signed'),
          step('to-verify', 5, 'handle', 'handled'),
          step('new', 1, 'report', 'reported'),
          step('escalated', 1, 'report', 'reported'),
          step('escalated', 2, 'escalate', 'reported'),
        ],
        signFors: [
          // Dispatched at 08:00 Shanghai with 2 hours to sign for, signed at 11:00: late.
          { eventId: 'signed', departmentId: 'police', dispatchedAt: '2026-11-24T00:00:00.000Z', signedAt: '2026-11-24T03:00:00.000Z', signForHours: 2 },
          { eventId: 'to-verify', departmentId: 'police', dispatchedAt: '2026-11-24T00:00:00.000Z', signedAt: '2026-11-24T01:00:00.000Z', signForHours: 2 },
          // Signed after the cut-off: not part of this day's check.
          { eventId: 'x', departmentId: 'police', dispatchedAt: '2026-11-23T00:00:00.000Z', signedAt: '2026-11-24T10:00:00.000Z', signForHours: 2 },
        ],
      }),
    );
    const byId = new Map(results.map((row) => [row.id, row]));
    expect(byId.get('police')).toMatchObject({ accounts: 1, loggedIn: true, firstSignInAt: '2026-11-24T01:00:00.000Z', waiting: 1, lateSigned: 1, status: 'unsigned' });
    // The operator signed in at 17:30: after the cut-off. One new event waits for acceptance; the escalated one is the county's.
    expect(byId.get('t')).toMatchObject({ accounts: 1, loggedIn: false, waiting: 1, status: 'both' });
    // The village counts its grid worker's sign-in; the first of the day is the grid worker's.
    expect(byId.get('v')).toMatchObject({ accounts: 2, loggedIn: true, firstSignInAt: '2026-11-24T00:30:00.000Z', waiting: 0, status: 'ok' });
    expect(byId.get('q')).toMatchObject({ accounts: 1, loggedIn: false, waiting: 1, status: 'both' });
    // The court has no account and nothing waiting: nothing to say.
    expect(byId.has('court')).toBe(false);
  });

  it('tells a unit what is missing', () => {
    expect(dailyCheckNotice({ kind: 'department', name: '派出所', date: '2026-11-24', cutoff: '17:00', accounts: 2, loggedIn: false, waiting: 2 })).toBe(
      '【每日督查】派出所：2026-11-24 17:00 前未登录平台，有 2 件事件待签收，请尽快登录处理。',
    );
    expect(dailyCheckNotice({ kind: 'village', name: '马踏村', date: '2026-11-24', cutoff: '17:00', accounts: 2, loggedIn: true, waiting: 1 })).toContain('有 1 件事件待核查');
    expect(dailyCheckNotice({ kind: 'township', name: '马踏镇', date: '2026-11-24', cutoff: '17:00', accounts: 1, loggedIn: false, waiting: 1, beforeCutoff: true })).toBe(
      '【每日督查】马踏镇：2026-11-24 尚未登录平台（截止 17:00），有 1 件事件待受理，请尽快登录处理。',
    );
  });

  it('adds up a month per unit against the checked working days', () => {
    const row = (date: string, loggedIn: boolean, waiting: number) => ({ kind: 'village' as const, id: 'v', name: '马踏村', path: VILLAGE, date, loggedIn, waiting, lateSigned: 0 });
    const summary = summarizeMonth([row('2026-11-02', true, 0), row('2026-11-03', false, 1), row('2026-11-04', true, 2), row('2026-11-01', true, 0)], ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    expect(summary).toEqual([{ kind: 'village', id: 'v', name: '马踏村', path: VILLAGE, workingDays: 4, daysLoggedIn: 2, daysUnsigned: 2, lateSigned: 0, loginRate: 50 }]);
    expect(pathAtDepth(`${VILLAGE}G01/`, 3)).toBe(VILLAGE);
    expect(pathAtDepth(TOWNSHIP, 3)).toBeNull();
  });
});
