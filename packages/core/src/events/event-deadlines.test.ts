// Deadlines and cards as the work plan sets them: a yellow card past the deadline, a red one past
// 150% of it, once each per step.
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/working-calendar.js';
import { CHINA_HOLIDAYS_2026 } from '../duty/china-holidays.js';
import { DEFAULT_CARD_RULES, cardDueTimes, cardsDue, isNearDeadline, isOverdue, nextCardDue, reminderTime, stepDeadline, stepOf } from './event-deadlines.js';
import { EVENT_CATALOGUE_SEED } from './event-catalogue.js';
import { STANDARD_EVENT_CATEGORIES } from './event-categories.js';

const deadlines = { signForHours: 4, handleDays: 3 };
// Tuesday 24 November 2026, 10:00 in Shanghai: the week has no holiday, so the steps end that week.
const start = '2026-11-24T02:00:00.000Z';
const weekdays = workingCalendar([]);

describe('step deadlines', () => {
  it('gives the department hours to sign for, days to handle, and the grid worker hours to verify', () => {
    expect(stepDeadline('sign_for', start, deadlines, DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-24T06:00:00.000Z');
    // Three days to handle from Tuesday 10:00: Friday 10:00.
    expect(stepDeadline('handle', start, deadlines, DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-27T02:00:00.000Z');
    expect(stepDeadline('verify', start, deadlines, DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-26T02:00:00.000Z');
  });

  it('counts working time: 24 hours to sign for from Friday afternoon end on Monday afternoon', () => {
    // Friday 27 November 2026, 15:00 in Shanghai (07:00 UTC): 9 hours on Friday, 15 on Monday.
    expect(stepDeadline('sign_for', '2026-11-27T07:00:00.000Z', { signForHours: 24, handleDays: 3 }, DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-30T07:00:00.000Z');
    // The verification hours stand still over the weekend too: 48 hours from Friday 15:00 end on Tuesday 15:00.
    expect(stepDeadline('verify', '2026-11-27T07:00:00.000Z', deadlines, DEFAULT_CARD_RULES, weekdays)).toBe('2026-12-01T07:00:00.000Z');
  });

  it('stands still over 国庆 as the county configured it, and runs on the Saturday worked (调休)', () => {
    const county = workingCalendar(CHINA_HOLIDAYS_2026);
    // Dispatched Wednesday 30 September, 16:00 Shanghai, 3 days to handle: 8 hours that day, then
    // 8 and 9 October (24 h each), then 16 hours of Saturday 10 October, a working day.
    expect(stepDeadline('handle', '2026-09-30T08:00:00.000Z', deadlines, DEFAULT_CARD_RULES, county)).toBe('2026-10-10T08:00:00.000Z');
    // Signing for 4 hours from the eve of the holiday at 22:00: two hours left that day, two on 8 October (02:00 Shanghai).
    expect(stepDeadline('sign_for', '2026-09-30T14:00:00.000Z', deadlines, DEFAULT_CARD_RULES, county)).toBe('2026-10-07T18:00:00.000Z');
  });

  it('knows which statuses wait on someone with a deadline', () => {
    expect(stepOf('dispatched')).toEqual({ step: 'sign_for', responsible: 'lead_department' });
    expect(stepOf('signed')).toEqual({ step: 'handle', responsible: 'lead_department' });
    expect(stepOf('handled')).toEqual({ step: 'verify', responsible: 'village' });
    expect(stepOf('reported')).toBeNull();
    expect(stepOf('closed')).toBeNull();
  });
});

describe('cards', () => {
  const step = { startedAt: start, deadline: '2026-11-24T06:00:00.000Z' };

  it('falls due at the deadline (yellow) and at 150% of the step (red)', () => {
    expect(cardDueTimes(step.startedAt, step.deadline, DEFAULT_CARD_RULES, weekdays)).toEqual({ yellow: '2026-11-24T06:00:00.000Z', red: '2026-11-24T08:00:00.000Z' });
  });

  it('issues nothing on time, a yellow card when late, a red one when very late, and none twice', () => {
    expect(cardsDue(step, '2026-11-24T06:00:00.000Z', [], DEFAULT_CARD_RULES, weekdays)).toEqual([]);
    expect(cardsDue(step, '2026-11-24T06:00:01.000Z', [], DEFAULT_CARD_RULES, weekdays)).toEqual(['yellow']);
    expect(cardsDue(step, '2026-11-24T09:00:00.000Z', [], DEFAULT_CARD_RULES, weekdays)).toEqual(['yellow', 'red']);
    expect(cardsDue(step, '2026-11-24T09:00:00.000Z', ['yellow'], DEFAULT_CARD_RULES, weekdays)).toEqual(['red']);
    expect(cardsDue(step, '2026-11-24T09:00:00.000Z', ['yellow', 'red'], DEFAULT_CARD_RULES, weekdays)).toEqual([]);
  });

  it('follows a county that sets its own thresholds', () => {
    const strict = { ...DEFAULT_CARD_RULES, redAt: 1.25 };
    expect(cardsDue(step, '2026-11-24T07:01:00.000Z', ['yellow'], strict, weekdays)).toEqual(['red']);
  });

  it('says when the next card falls due, and that there is none once both are held', () => {
    expect(nextCardDue(step, [], DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-24T06:00:00.000Z');
    expect(nextCardDue(step, ['yellow'], DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-24T08:00:00.000Z');
    expect(nextCardDue(step, ['yellow', 'red'], DEFAULT_CARD_RULES, weekdays)).toBeNull();
  });

  it('counts the 150% and the last quarter in working time, never on a rest day', () => {
    // Signed for on Tuesday 24 November 10:00 (Shanghai), 3 days to handle: due Friday 10:00;
    // 150% is 4.5 working days: Monday 30 November 22:00, not Saturday night.
    const handle = { startedAt: start, deadline: stepDeadline('handle', start, deadlines, DEFAULT_CARD_RULES, weekdays) };
    expect(handle.deadline).toBe('2026-11-27T02:00:00.000Z');
    expect(cardDueTimes(handle.startedAt, handle.deadline, DEFAULT_CARD_RULES, weekdays)).toEqual({ yellow: '2026-11-27T02:00:00.000Z', red: '2026-11-30T14:00:00.000Z' });
    expect(cardsDue(handle, '2026-11-29T12:00:00.000Z', ['yellow'], DEFAULT_CARD_RULES, weekdays)).toEqual([]);
    // Dispatched on Friday 27 November 15:00 with 24 hours to sign for: due Monday 15:00,
    // reminded Monday 09:00 (the last quarter), red on Tuesday 03:00.
    const signFor = { startedAt: '2026-11-27T07:00:00.000Z', deadline: stepDeadline('sign_for', '2026-11-27T07:00:00.000Z', { signForHours: 24, handleDays: 1 }, DEFAULT_CARD_RULES, weekdays) };
    expect(signFor.deadline).toBe('2026-11-30T07:00:00.000Z');
    expect(reminderTime(signFor, weekdays)).toBe('2026-11-30T01:00:00.000Z');
    expect(nextCardDue(signFor, ['yellow'], DEFAULT_CARD_RULES, weekdays)).toBe('2026-11-30T19:00:00.000Z');
    expect(isNearDeadline(signFor, '2026-11-29T04:00:00.000Z', weekdays)).toBe(false);
    // Across 国庆 (1–7 October off, 10 October worked): 2 days to handle from Tuesday 29 September 10:00 are
    // due on Thursday 8 October 10:00, the red card 24 working hours later (Friday 10:00), and the
    // reminder falls on a working day, not in the holiday.
    const county = workingCalendar(CHINA_HOLIDAYS_2026);
    const holiday = { startedAt: '2026-09-29T02:00:00.000Z', deadline: stepDeadline('handle', '2026-09-29T02:00:00.000Z', { signForHours: 4, handleDays: 2 }, DEFAULT_CARD_RULES, county) };
    expect(holiday.deadline).toBe('2026-10-08T02:00:00.000Z');
    expect(cardDueTimes(holiday.startedAt, holiday.deadline, DEFAULT_CARD_RULES, county).red).toBe('2026-10-09T02:00:00.000Z');
    expect(county.isWorkday(reminderTime(holiday, county).slice(0, 10))).toBe(true);
  });

  it('calls a step overdue after its deadline and near it in its last quarter', () => {
    expect(isOverdue(step.deadline, '2026-11-24T06:00:01.000Z')).toBe(true);
    expect(isOverdue(null, '2030-01-01T00:00:00.000Z')).toBe(false);
    expect(isNearDeadline(step, '2026-11-24T05:00:00.000Z', weekdays)).toBe(true);
    expect(isNearDeadline(step, '2026-11-24T04:00:00.000Z', weekdays)).toBe(false);
  });
});

describe('the standard catalogue', () => {
  it('has every standard category once, 安全隐患 with its sub-kinds, and sane deadlines', () => {
    const codes = EVENT_CATALOGUE_SEED.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const category of STANDARD_EVENT_CATEGORIES) expect(codes).toContain(category);
    expect(EVENT_CATALOGUE_SEED.filter((entry) => entry.parentCode === 'safety_hazard').length).toBeGreaterThanOrEqual(5);
    for (const entry of EVENT_CATALOGUE_SEED) {
      expect(entry.signForHours).toBeGreaterThan(0);
      expect(entry.handleDays).toBeGreaterThan(0);
      expect(entry.names['zh-CN']).not.toBe('');
    }
  });
});
