// Deadlines of the steps an event waits in, and the cards a late step earns. A step starts when
// the event enters a status someone must act on within a time: the lead department signs for it
// (hours), handles it (days), the grid worker or center verifies it (hours). A yellow card (黄牌)
// when a step passes its deadline, a red one (红牌) when it passes 150% of it; once per step.
import type { Locale } from '../i18n/locale.js';
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

/** The deadline of a step that started at `startedAt` (ISO UTC), as ISO UTC. */
export function stepDeadline(step: EventStep, startedAt: string, deadlines: CategoryDeadlines, rules: CardRules): string {
  return new Date(Date.parse(startedAt) + stepDurationMs(step, deadlines, rules)).toISOString();
}

/** The moment each card level falls due for a step from `startedAt` to `deadline`. */
export function cardDueTimes(startedAt: string, deadline: string, rules: CardRules): Record<CardLevel, string> {
  const start = Date.parse(startedAt);
  const span = Date.parse(deadline) - start;
  return {
    yellow: new Date(start + span * rules.yellowAt).toISOString(),
    red: new Date(start + span * rules.redAt).toISOString(),
  };
}

/** The cards a step has earned by `now` that it does not hold yet, lightest first. */
export function cardsDue(step: { startedAt: string; deadline: string }, now: string, held: readonly CardLevel[], rules: CardRules): CardLevel[] {
  const due = cardDueTimes(step.startedAt, step.deadline, rules);
  const nowMs = Date.parse(now);
  return CARD_LEVELS.filter((level) => !held.includes(level) && nowMs > Date.parse(due[level]));
}

/** Whether a step is past its deadline. */
export function isOverdue(deadline: string | null, now: string): boolean {
  return deadline !== null && Date.parse(now) > Date.parse(deadline);
}

/** When to remind the unit of a step: as it enters the last quarter of its time. */
export function reminderTime(step: { startedAt: string; deadline: string }): string {
  const start = Date.parse(step.startedAt);
  const end = Date.parse(step.deadline);
  return new Date(end - (end - start) / 4).toISOString();
}

/** Whether a step's deadline is near: within a quarter of its time, for the "near deadline" reminder. */
export function isNearDeadline(step: { startedAt: string; deadline: string }, now: string): boolean {
  const start = Date.parse(step.startedAt);
  const end = Date.parse(step.deadline);
  const nowMs = Date.parse(now);
  return nowMs <= end && nowMs >= end - (end - start) / 4;
}

/** When the step's next card falls due, given the cards it holds; null when it holds them all. */
export function nextCardDue(step: { startedAt: string; deadline: string }, held: readonly CardLevel[], rules: CardRules): string | null {
  const due = cardDueTimes(step.startedAt, step.deadline, rules);
  const next = CARD_LEVELS.find((level) => !held.includes(level));
  return next ? due[next] : null;
}
