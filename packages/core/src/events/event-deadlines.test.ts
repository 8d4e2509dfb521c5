// Deadlines and cards as the work plan sets them: a yellow card past the deadline, a red one past
// 150% of it, once each per step.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_RULES, cardDueTimes, cardsDue, isNearDeadline, isOverdue, nextCardDue, stepDeadline, stepOf } from './event-deadlines.js';
import { EVENT_CATALOGUE_SEED } from './event-catalogue.js';
import { STANDARD_EVENT_CATEGORIES } from './event-categories.js';

const deadlines = { signForHours: 4, handleDays: 3 };
const start = '2026-11-24T02:00:00.000Z';

describe('step deadlines', () => {
  it('gives the department hours to sign for, days to handle, and the grid worker hours to verify', () => {
    expect(stepDeadline('sign_for', start, deadlines, DEFAULT_CARD_RULES)).toBe('2026-11-24T06:00:00.000Z');
    expect(stepDeadline('handle', start, deadlines, DEFAULT_CARD_RULES)).toBe('2026-11-27T02:00:00.000Z');
    expect(stepDeadline('verify', start, deadlines, DEFAULT_CARD_RULES)).toBe('2026-11-26T02:00:00.000Z');
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
    expect(cardDueTimes(step.startedAt, step.deadline, DEFAULT_CARD_RULES)).toEqual({ yellow: '2026-11-24T06:00:00.000Z', red: '2026-11-24T08:00:00.000Z' });
  });

  it('issues nothing on time, a yellow card when late, a red one when very late, and none twice', () => {
    expect(cardsDue(step, '2026-11-24T06:00:00.000Z', [], DEFAULT_CARD_RULES)).toEqual([]);
    expect(cardsDue(step, '2026-11-24T06:00:01.000Z', [], DEFAULT_CARD_RULES)).toEqual(['yellow']);
    expect(cardsDue(step, '2026-11-24T09:00:00.000Z', [], DEFAULT_CARD_RULES)).toEqual(['yellow', 'red']);
    expect(cardsDue(step, '2026-11-24T09:00:00.000Z', ['yellow'], DEFAULT_CARD_RULES)).toEqual(['red']);
    expect(cardsDue(step, '2026-11-24T09:00:00.000Z', ['yellow', 'red'], DEFAULT_CARD_RULES)).toEqual([]);
  });

  it('follows a county that sets its own thresholds', () => {
    const strict = { ...DEFAULT_CARD_RULES, redAt: 1.25 };
    expect(cardsDue(step, '2026-11-24T07:01:00.000Z', ['yellow'], strict)).toEqual(['red']);
  });

  it('says when the next card falls due, and that there is none once both are held', () => {
    expect(nextCardDue(step, [], DEFAULT_CARD_RULES)).toBe('2026-11-24T06:00:00.000Z');
    expect(nextCardDue(step, ['yellow'], DEFAULT_CARD_RULES)).toBe('2026-11-24T08:00:00.000Z');
    expect(nextCardDue(step, ['yellow', 'red'], DEFAULT_CARD_RULES)).toBeNull();
  });

  it('calls a step overdue after its deadline and near it in its last quarter', () => {
    expect(isOverdue(step.deadline, '2026-11-24T06:00:01.000Z')).toBe(true);
    expect(isOverdue(null, '2030-01-01T00:00:00.000Z')).toBe(false);
    expect(isNearDeadline(step, '2026-11-24T05:00:00.000Z')).toBe(true);
    expect(isNearDeadline(step, '2026-11-24T04:00:00.000Z')).toBe(false);
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
