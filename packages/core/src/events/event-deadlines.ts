// Deadlines of the steps an event waits in, and the cards a late step earns. A step starts when
// the event enters a status someone must act on within a time: the lead department signs for it
// (hours), handles it (days), the grid worker or center verifies it (hours). A yellow card (黄牌)
// when a step passes its deadline, a red one (红牌) when it passes 150% of it; once per step.
// Every step's time is working time (工作日历): it stands still on weekends and public holidays, so
// 24 hours to sign for from a Friday afternoon end on Monday afternoon.
import type { Locale } from '../i18n/locale.js';
import { addWorkingTime, workingTimeBetween, type WorkingCalendar } from '../calendar/working-calendar.js';
import type { EventStatus } from './event-status.js';

export const EVENT_STEPS = ['sign_for', 'handle', 'verify'] as const;
export type EventStep = (typeof EVENT_STEPS)[number];

export const EVENT_STEP_LABELS: Readonly<Record<EventStep, Record<Locale, string>>> = {
  sign_for: { 'zh-CN': '签收', 'en-US': 'sign for' },
  handle: { 'zh-CN': '办理', 'en-US': 'handle' },
  verify: { 'zh-CN': '核查', 'en-US': 'verify' },
};

/** Who answers for a late step: the lead department, or the village of the event (its grid workers). */
export type StepResponsible = 'lead_department' | 'village';

export const CARD_LEVELS = ['yellow', 'red'] as const;
export type CardLevel = (typeof CARD_LEVELS)[number];

export const CARD_LEVEL_LABELS: Readonly<Record<CardLevel, Record<Locale, string>>> = {
  yellow: { 'zh-CN': '黄牌', 'en-US': 'yellow card' },
  red: { 'zh-CN': '红牌', 'en-US': 'red card' },
};

/** The step an event in this status waits in, if it has a deadline. */
export function stepOf(status: EventStatus): { step: EventStep; responsible: StepResponsible } | null {
  switch (status) {
    case 'dispatched':
      return { step: 'sign_for', responsible: 'lead_department' };
    case 'signed':
      return { step: 'handle', responsible: 'lead_department' };
    case 'handled':
      return { step: 'verify', responsible: 'village' };
    case 'reported':
    case 'accepted':
    case 'closed':
    case 'rejected':
    case 'merged':
      return null;
    default:
      return assertNever(status);
  }
}

function assertNever(value: never): never {
  throw new TypeError(`unexpected value: ${String(value)}`);
}

/** The deadlines a category sets. */
export interface CategoryDeadlines {
  readonly signForHours: number;
  readonly handleDays: number;
}

/** County-wide settings of the card rules. */
export interface CardRules {
  /** Hours the grid worker or center has to verify a handled event. */
  readonly verifyHours: number;
  /** Share of the step's time past which a yellow card is due (1 = at the deadline). */
  readonly yellowAt: number;
  /** Share of the step's time past which a red card is due (1.5 = 150%). */
  readonly redAt: number;
}

export const DEFAULT_CARD_RULES: CardRules = { verifyHours: 48, yellowAt: 1, redAt: 1.5 };

const HOUR_MS = 3_600_000;

/** How long a step may take, in milliseconds. */
export function stepDurationMs(step: EventStep, deadlines: CategoryDeadlines, rules: CardRules): number {
  switch (step) {
    case 'sign_for':
      return deadlines.signForHours * HOUR_MS;
    case 'handle':
      return deadlines.handleDays * 24 * HOUR_MS;
    case 'verify':
      return rules.verifyHours * HOUR_MS;
    default:
      return assertNever(step);
  }
}

/**
 * The deadline of a step that started at `startedAt` (ISO UTC), as ISO UTC: the step's time
 * (sign-for hours, handling days × 24 h, verification hours) counted on working days only.
 */
export function stepDeadline(step: EventStep, startedAt: string, deadlines: CategoryDeadlines, rules: CardRules, calendar: WorkingCalendar): string {
  return addWorkingTime(startedAt, stepDurationMs(step, deadlines, rules), calendar);
}

/**
 * The moment each card level falls due for a step from `startedAt` to `deadline`: shares of the
 * step's working time, so a red card at 150% never falls on a holiday nor counts one.
 */
export function cardDueTimes(startedAt: string, deadline: string, rules: CardRules, calendar: WorkingCalendar): Record<CardLevel, string> {
  const span = workingTimeBetween(startedAt, deadline, calendar);
  return {
    yellow: addWorkingTime(startedAt, span * rules.yellowAt, calendar),
    red: addWorkingTime(startedAt, span * rules.redAt, calendar),
  };
}

/** The cards a step has earned by `now` that it does not hold yet, lightest first. */
export function cardsDue(step: { startedAt: string; deadline: string }, now: string, held: readonly CardLevel[], rules: CardRules, calendar: WorkingCalendar): CardLevel[] {
  const due = cardDueTimes(step.startedAt, step.deadline, rules, calendar);
  const nowMs = Date.parse(now);
  return CARD_LEVELS.filter((level) => !held.includes(level) && nowMs > Date.parse(due[level]));
}

/** Whether a step is past its deadline. */
export function isOverdue(deadline: string | null, now: string): boolean {
  return deadline !== null && Date.parse(now) > Date.parse(deadline);
}

/** When to remind the unit of a step: as it enters the last quarter of its working time. */
export function reminderTime(step: { startedAt: string; deadline: string }, calendar: WorkingCalendar): string {
  return addWorkingTime(step.startedAt, workingTimeBetween(step.startedAt, step.deadline, calendar) * 0.75, calendar);
}

/** Whether a step's deadline is near: within the last quarter of its working time, for the "near deadline" reminder. */
export function isNearDeadline(step: { startedAt: string; deadline: string }, now: string, calendar: WorkingCalendar): boolean {
  const nowMs = Date.parse(now);
  return nowMs <= Date.parse(step.deadline) && nowMs >= Date.parse(reminderTime(step, calendar));
}

/** When the step's next card falls due, given the cards it holds; null when it holds them all. */
export function nextCardDue(step: { startedAt: string; deadline: string }, held: readonly CardLevel[], rules: CardRules, calendar: WorkingCalendar): string | null {
  const due = cardDueTimes(step.startedAt, step.deadline, rules, calendar);
  const next = CARD_LEVELS.find((level) => !held.includes(level));
  return next ? due[next] : null;
}
