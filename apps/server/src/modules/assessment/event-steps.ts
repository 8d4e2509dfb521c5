// The workflow steps of events rebuilt from their timelines, for the on-time and rework rates: a
// dispatch begins a sign-for step of its lead department (ended by the sign-for or a return), a
// sign-for or a failed verification begins a handling step (ended by the handling). A step belongs
// to the period it began in; it is on time when it ended by its deadline (the category's time in
// working days, as events count it), late when it ended after it or is still open past it, and not
// judged yet while it is open within it.
import { DEFAULT_CARD_RULES, addCalendarDays, shanghaiDate, stepDurationMs, type WorkingCalendar } from '@gridwork/core';
import type { Window } from './indicator-period.js';
import { workingClock } from './working-clock.js';

export interface StepRow {
  readonly event_id: string;
  readonly seq: number;
  readonly action: string;
  readonly at: string;
  readonly details: string | null;
  readonly title: string;
  readonly township_code: string | null;
  readonly step_started_at: string | null;
  readonly step_deadline: string | null;
  readonly sign_for_hours: number;
  readonly handle_days: number;
}

export interface RebuiltStep {
  readonly eventId: string;
  readonly title: string;
  readonly townshipCode: string | null;
  readonly departmentId: string | null;
  readonly step: 'sign_for' | 'handle';
  readonly startedAt: string;
  readonly deadline: string;
  /** When the step ended (signed for, returned, handled); null while open. */
  readonly endedAt: string | null;
  /** true on time, false late, null open within its deadline (not judged yet). */
  readonly onTime: boolean | null;
}

export interface RebuiltDispatch {
  readonly eventId: string;
  readonly title: string;
  readonly townshipCode: string | null;
  readonly departmentId: string | null;
  readonly at: string;
  /** Returned by the department, or its handling failed a verification, before the next dispatch. */
  readonly reworked: 'return' | 'verify_fail' | null;
}

function leadOf(details: string | null): string | null {
  if (!details) return null;
  try {
    const parsed = JSON.parse(details) as { leadDepartmentId?: unknown };
    return typeof parsed.leadDepartmentId === 'string' ? parsed.leadDepartmentId : null;
  } catch {
    return null;
  }
}

interface OpenStep {
  step: 'sign_for' | 'handle';
  startedAt: string;
  departmentId: string | null;
}

/** The calendar with each day's answer kept: a county's month asks it about the same days 70 000 times. */
function remembered(calendar: WorkingCalendar): WorkingCalendar {
  const days = new Map<string, boolean>();
  return {
    isWorkday(date) {
      let workday = days.get(date);
      if (workday === undefined) days.set(date, (workday = calendar.isWorkday(date)));
      return workday;
    },
  };
}

/** Steps and dispatches begun in the window, from the workflow rows of their events. */
export function rebuildSteps(rows: readonly StepRow[], window: Window, now: string, workingDays: WorkingCalendar): { steps: RebuiltStep[]; dispatches: RebuiltDispatch[] } {
  // Deadlines of steps begun in the window: from the day before it to well past the longest handling time.
  const clock = workingClock(remembered(workingDays), addCalendarDays(shanghaiDate(Date.parse(window.start)), -1), 500);
  const byEvent = new Map<string, StepRow[]>();
  for (const row of rows) {
    const list = byEvent.get(row.event_id);
    if (list) list.push(row);
    else byEvent.set(row.event_id, [row]);
  }
  const steps: RebuiltStep[] = [];
  const dispatches: RebuiltDispatch[] = [];
  const inWindow = (at: string) => at >= window.start && at < window.end;
  for (const timeline of byEvent.values()) {
    timeline.sort((a, b) => a.seq - b.seq);
    const first = timeline[0]!;
    const deadlines = { signForHours: first.sign_for_hours, handleDays: first.handle_days };
    let lead: string | null = null;
    let open: OpenStep | null = null;
    let dispatch: { at: string; departmentId: string | null; reworked: 'return' | 'verify_fail' | null } | null = null;
    const close = (endedAt: string | null) => {
      if (open && inWindow(open.startedAt)) {
        // The current step's deadline is stored with the event; a past one is worked out as it was set.
        const stored = endedAt === null && first.step_started_at === open.startedAt ? first.step_deadline : null;
        const deadline = stored ?? clock.deadline(open.startedAt, stepDurationMs(open.step, deadlines, DEFAULT_CARD_RULES));
        const onTime = endedAt !== null ? endedAt <= deadline : deadline < now ? false : null;
        steps.push({ eventId: first.event_id, title: first.title, townshipCode: first.township_code, departmentId: open.departmentId, step: open.step, startedAt: open.startedAt, deadline, endedAt, onTime });
      }
      open = null;
    };
    const endDispatch = () => {
      if (dispatch && inWindow(dispatch.at)) dispatches.push({ eventId: first.event_id, title: first.title, townshipCode: first.township_code, ...dispatch });
      dispatch = null;
    };
    for (const row of timeline) {
      switch (row.action) {
        case 'dispatch':
          close(row.at);
          endDispatch();
          lead = leadOf(row.details);
          dispatch = { at: row.at, departmentId: lead, reworked: null };
          open = { step: 'sign_for', startedAt: row.at, departmentId: lead };
          break;
        case 'return':
          close(row.at);
          if (dispatch) dispatch.reworked ??= 'return';
          lead = null;
          break;
        case 'sign_for':
          close(row.at);
          open = { step: 'handle', startedAt: row.at, departmentId: lead };
          break;
        case 'handle':
          close(row.at);
          break;
        case 'verify_fail':
          close(row.at);
          if (dispatch) dispatch.reworked ??= 'verify_fail';
          open = { step: 'handle', startedAt: row.at, departmentId: lead };
          break;
        default:
          break;
      }
    }
    close(null);
    endDispatch();
  }
  return { steps, dispatches };
}
