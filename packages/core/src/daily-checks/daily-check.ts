// 每天定时登录签收: every township sub-center, village and department must sign in to the platform
// each working day before the cut-off hour and leave nothing waiting for it. This is the rule, as
// pure functions of plain facts: who signed in, what each event's status was at the cut-off (read
// back from its timeline, so a past day is judged as it stood then), and when each sign-for came.
import type { Locale } from '../i18n/locale.js';
import type { EventStatus } from '../events/event-status.js';
import { stepDeadline, type CardRules } from '../events/event-deadlines.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { shanghaiDayRange } from '../time/shanghai-day.js';

export const DAILY_UNIT_KINDS = ['township', 'village', 'department'] as const;
/** township: its sub-center (乡分中心); village: a village, community or resident group; department: 职能部门. */
export type DailyUnitKind = (typeof DAILY_UNIT_KINDS)[number];

export const DAILY_UNIT_KIND_LABELS: Readonly<Record<DailyUnitKind, Record<Locale, string>>> = {
  township: { 'zh-CN': '乡镇分中心', 'en-US': 'Township sub-center' },
  village: { 'zh-CN': '村（社区）', 'en-US': 'Village' },
  department: { 'zh-CN': '职能部门', 'en-US': 'Department' },
};

export const DAILY_CHECK_STATUSES = ['ok', 'not_logged_in', 'unsigned', 'both'] as const;
export type DailyCheckStatus = (typeof DAILY_CHECK_STATUSES)[number];

export const DAILY_CHECK_STATUS_LABELS: Readonly<Record<DailyCheckStatus, Record<Locale, string>>> = {
  ok: { 'zh-CN': '正常', 'en-US': 'OK' },
  not_logged_in: { 'zh-CN': '未登录', 'en-US': 'Not signed in' },
  unsigned: { 'zh-CN': '有未签收事件', 'en-US': 'Events waiting' },
  both: { 'zh-CN': '未登录且有未签收事件', 'en-US': 'Not signed in, events waiting' },
};

/** The cut-off as the county sets it: HH:MM, Asia/Shanghai. */
export const DAILY_CHECK_CUTOFF_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
export const DEFAULT_DAILY_CHECK_CUTOFF = '17:00';
/** How many days back the check fills in days it missed, and a unit may still be chased for a day. */
export const DAILY_CHECK_LOOK_BACK_DAYS = 7;

export interface DailyCheckSettings {
  /** HH:MM in Asia/Shanghai. */
  readonly cutoff: string;
  /** Whether rest days (weekends, public holidays) are checked too; by default they are not. */
  readonly checkRestDays: boolean;
}

export const DEFAULT_DAILY_CHECK_SETTINGS: DailyCheckSettings = { cutoff: DEFAULT_DAILY_CHECK_CUTOFF, checkRestDays: false };

/** The instant (ISO UTC) of a day's cut-off: 17:00 in Shanghai is 09:00 UTC. */
export function cutoffInstant(date: string, cutoff: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(cutoff);
  if (!match) throw new RangeError(`not a cut-off time: ${cutoff}`);
  const start = Date.parse(shanghaiDayRange(date).start);
  return new Date(start + Number(match[1]) * 3_600_000 + Number(match[2]) * 60_000).toISOString();
}

/** Whether a day is checked at all under the settings. */
export function isCheckedDay(date: string, calendar: WorkingCalendar, settings: DailyCheckSettings): boolean {
  return settings.checkRestDays || calendar.isWorkday(date);
}

/**
 * The overall verdict. A unit without any account yet is not judged on signing in (nobody can), but
 * events waiting for it still count: those reach nobody, which is worse.
 */
export function dailyCheckStatus(facts: { readonly accounts: number; readonly loggedIn: boolean; readonly waiting: number }): DailyCheckStatus {
  const absent = facts.accounts > 0 && !facts.loggedIn;
  const waiting = facts.waiting > 0;
  if (absent && waiting) return 'both';
  if (absent) return 'not_logged_in';
  return waiting ? 'unsigned' : 'ok';
}

/** One row of an event's timeline as the check reads it. */
export interface TimelineFact {
  readonly eventId: string;
  readonly seq: number;
  readonly action: string;
  readonly toStatus: EventStatus;
  /** For a dispatch: the lead department it named. */
  readonly leadDepartmentId: string | null;
}

export interface EventStateAt {
  readonly status: EventStatus;
  readonly leadDepartmentId: string | null;
}

/** Each event's status and lead department after the given timeline rows (any order). */
export function eventStatesAt(rows: readonly TimelineFact[]): Map<string, EventStateAt> {
  const sorted = [...rows].sort((a, b) => (a.eventId === b.eventId ? a.seq - b.seq : a.eventId < b.eventId ? -1 : 1));
  const states = new Map<string, EventStateAt>();
  for (const row of sorted) {
    const before = states.get(row.eventId);
    let lead = before?.leadDepartmentId ?? null;
    if (row.action === 'dispatch') lead = row.leadDepartmentId;
    if (row.action === 'return') lead = null;
    states.set(row.eventId, { status: row.toStatus, leadDepartmentId: lead });
  }
  return states;
}

/** A sign-for on the day, with the dispatch it answered. */
export interface SignForFact {
  readonly eventId: string;
  readonly departmentId: string;
  readonly dispatchedAt: string;
  readonly signedAt: string;
  /** The category's sign-for hours. */
  readonly signForHours: number;
}

/** Whether a sign-for came after its deadline (working time from the dispatch, as events count it). */
export function signedLate(fact: SignForFact, rules: CardRules, calendar: WorkingCalendar): boolean {
  const deadline = stepDeadline('sign_for', fact.dispatchedAt, { signForHours: fact.signForHours, handleDays: 0 }, rules, calendar);
  return Date.parse(fact.signedAt) > Date.parse(deadline);
}

export interface CheckedUnit {
  readonly kind: DailyUnitKind;
  readonly id: string;
  readonly name: string;
  readonly path: string;
}

export interface CheckedAccount {
  readonly id: string;
  readonly orgPath: string;
  readonly departmentId: string | null;
}

export interface OpenEventFact {
  readonly id: string;
  readonly path: string;
  /** When the county took the event over; its sub-center no longer answers for it after that. */
  readonly escalatedAt: string | null;
}

export interface DailyCheckFacts {
  /** The instant the check describes: the cut-off, or now for a live look. */
  readonly asOf: string;
  readonly units: readonly CheckedUnit[];
  readonly accounts: readonly CheckedAccount[];
  /** Each account's first sign-in of the day, up to `asOf`. */
  readonly firstSignIns: ReadonlyMap<string, string>;
  /** Events open at `asOf`, with their timeline up to `asOf`. */
  readonly openEvents: readonly OpenEventFact[];
  readonly timeline: readonly TimelineFact[];
  /** Sign-fors of the day up to `asOf`. */
  readonly signFors: readonly SignForFact[];
  readonly rules: CardRules;
  readonly calendar: WorkingCalendar;
}

export interface DailyUnitResult extends CheckedUnit {
  readonly accounts: number;
  readonly loggedIn: boolean;
  readonly firstSignInAt: string | null;
  readonly waiting: number;
  readonly lateSigned: number;
  readonly status: DailyCheckStatus;
}

/** Whether an account is one of the unit's: a department's staff; a township's own (at its path); a village's at or below its path. */
export function isAccountOf(unit: CheckedUnit, account: CheckedAccount): boolean {
  if (unit.kind === 'department') return account.departmentId === unit.id;
  if (account.departmentId) return false;
  return unit.kind === 'township' ? account.orgPath === unit.path : account.orgPath.startsWith(unit.path);
}

/** The path of the unit `depth` levels down that `path` lies in: depth 2 a township, 3 a village. */
export function pathAtDepth(path: string, depth: number): string | null {
  const segments = path.split('/').filter(Boolean);
  return segments.length < depth ? null : `/${segments.slice(0, depth).join('/')}/`;
}

function bump(map: Map<string, number>, key: string | null) {
  if (key !== null) map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Every unit's result in one pass over the facts. A township answers for its own accounts (at its
 * path) and for events reported in it not yet accepted; a village for its accounts and its grid
 * workers' (at or below its path) and for handled events waiting for its verification; a
 * department for its staff and for events dispatched to it (lead) not yet signed for. Units with no
 * account and nothing waiting or signed late are left out: there is nothing to say about them.
 */
export function checkUnits(facts: DailyCheckFacts): DailyUnitResult[] {
  const memberOf = (account: CheckedAccount): string[] => {
    if (account.departmentId) return [`department:${account.departmentId}`];
    const keys = [`township:${account.orgPath}`];
    const village = pathAtDepth(account.orgPath, 3);
    if (village) keys.push(`village:${village}`);
    return keys;
  };
  const accounts = new Map<string, number>();
  const firstSignIn = new Map<string, string>();
  for (const account of facts.accounts) {
    const signedIn = facts.firstSignIns.get(account.id);
    for (const key of memberOf(account)) {
      bump(accounts, key);
      const known = firstSignIn.get(key);
      if (signedIn && signedIn <= facts.asOf && (!known || signedIn < known)) firstSignIn.set(key, signedIn);
    }
  }

  const states = eventStatesAt(facts.timeline);
  const waiting = new Map<string, number>();
  for (const event of facts.openEvents) {
    const state = states.get(event.id);
    if (!state) continue;
    if (state.status === 'reported' && !(event.escalatedAt && event.escalatedAt <= facts.asOf)) bump(waiting, `township:${pathAtDepth(event.path, 2)}`);
    if (state.status === 'handled') bump(waiting, `village:${pathAtDepth(event.path, 3)}`);
    if (state.status === 'dispatched' && state.leadDepartmentId) bump(waiting, `department:${state.leadDepartmentId}`);
  }

  const late = new Map<string, number>();
  for (const signFor of facts.signFors) {
    if (signFor.signedAt <= facts.asOf && signedLate(signFor, facts.rules, facts.calendar)) bump(late, `department:${signFor.departmentId}`);
  }

  return facts.units.flatMap((unit) => {
    const key = `${unit.kind}:${unit.kind === 'department' ? unit.id : unit.path}`;
    const members = accounts.get(key) ?? 0;
    const firstSignInAt = firstSignIn.get(key) ?? null;
    const waitingCount = waiting.get(key) ?? 0;
    const lateSigned = late.get(key) ?? 0;
    if (members === 0 && waitingCount === 0 && lateSigned === 0) return [];
    const loggedIn = firstSignInAt !== null;
    return [{ ...unit, accounts: members, loggedIn, firstSignInAt, waiting: waitingCount, lateSigned, status: dailyCheckStatus({ accounts: members, loggedIn, waiting: waitingCount }) }];
  });
}

/** What a unit is told when the county chases it: what is missing, in one line. */
export function dailyCheckNotice(unit: {
  readonly name: string;
  readonly date: string;
  readonly cutoff: string;
  readonly loggedIn: boolean;
  readonly accounts: number;
  readonly waiting: number;
  readonly kind: DailyUnitKind;
  /** Told before the day's cut-off: "not signed in yet" rather than "missed the cut-off". */
  readonly beforeCutoff?: boolean;
}): string {
  const missing: string[] = [];
  if (unit.accounts > 0 && !unit.loggedIn) missing.push(unit.beforeCutoff ? `尚未登录平台（截止 ${unit.cutoff}）` : `${unit.cutoff} 前未登录平台`);
  if (unit.waiting > 0) {
    const what = unit.kind === 'department' ? '待签收' : unit.kind === 'township' ? '待受理' : '待核查';
    missing.push(`有 ${unit.waiting} 件事件${what}`);
  }
  const body = missing.length > 0 ? missing.join('，') : '请按时登录平台并及时签收事件';
  return `【每日督查】${unit.name}：${unit.date} ${body}，请尽快登录处理。`;
}

/** A unit's month: the checked working days, the days it signed in and the days it left events waiting. */
export interface MonthlyUnitSummary {
  readonly kind: DailyUnitKind;
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly workingDays: number;
  readonly daysLoggedIn: number;
  readonly daysUnsigned: number;
  readonly lateSigned: number;
  /** Percent of the checked working days on which it signed in, rounded; null when no day was checked. */
  readonly loginRate: number | null;
}

export interface StoredDayFact {
  readonly kind: DailyUnitKind;
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly date: string;
  readonly loggedIn: boolean;
  readonly waiting: number;
  readonly lateSigned: number;
}

/**
 * Adds up a month of stored results per unit against the checked days (the working days whose check
 * has run). A day a unit has no row for (it had no account and nothing waiting) counts as a day it
 * did not sign in: a unit without accounts cannot meet the plan's "every day".
 */
export function summarizeMonth(rows: readonly StoredDayFact[], checkedDays: readonly string[]): MonthlyUnitSummary[] {
  const days = new Set(checkedDays);
  const units = new Map<string, { kind: DailyUnitKind; id: string; name: string; path: string; daysLoggedIn: number; daysUnsigned: number; lateSigned: number; latest: string }>();
  for (const row of rows) {
    if (!days.has(row.date)) continue;
    const key = `${row.kind}:${row.id}`;
    const unit = units.get(key) ?? { kind: row.kind, id: row.id, name: row.name, path: row.path, daysLoggedIn: 0, daysUnsigned: 0, lateSigned: 0, latest: '' };
    if (row.loggedIn) unit.daysLoggedIn += 1;
    if (row.waiting > 0) unit.daysUnsigned += 1;
    unit.lateSigned += row.lateSigned;
    if (row.date > unit.latest) Object.assign(unit, { latest: row.date, name: row.name, path: row.path });
    units.set(key, unit);
  }
  const order: Record<DailyUnitKind, number> = { township: 0, village: 1, department: 2 };
  return [...units.values()]
    .map(({ latest: _latest, ...unit }) => ({ ...unit, workingDays: days.size, loginRate: days.size === 0 ? null : Math.round((unit.daysLoggedIn / days.size) * 100) }))
    .sort((a, b) => order[a.kind] - order[b.kind] || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.name.localeCompare(b.name)));
}
