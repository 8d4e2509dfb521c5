// The county keeps the working calendar (工作日历): public holidays on weekdays and adjusted
// workdays (调休) on weekends. Each change is checked against the weekday it falls on, written in
// one transaction with its audit entry, and read at once by deadlines and the daily checks.
import {
  DomainError,
  calendarExceptionProblem,
  workdaysPerMonth,
  workingCalendar,
  type CalendarDayBody,
  type CalendarDayKind,
  type CalendarYearBody,
  type WorkingCalendarYear,
} from '@gridwork/core';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './working-calendar.repo.js';

/** Throws the 422 that names `field` when the exception does not fit its day. */
export function checkException(field: string, date: string, kind: CalendarDayKind): void {
  switch (calendarExceptionProblem(date, kind)) {
    case 'date_invalid':
      throw new DomainError('CALENDAR_DATE_INVALID', { field, value: date });
    case 'workday_on_weekday':
      throw new DomainError('CALENDAR_WORKDAY_ON_WEEKDAY', { field, value: date });
    case 'holiday_on_weekend':
      throw new DomainError('CALENDAR_HOLIDAY_ON_WEEKEND', { field, value: date });
    case null:
      return;
  }
}

export function createWorkingCalendarService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function year(year: number): Promise<WorkingCalendarYear> {
    const days = await repo.exceptionsBetween(db.kysely, `${year}-01-01`, `${year}-12-31`);
    return {
      year,
      days: days.map((day) => ({ date: day.date, kind: day.kind, name: day.name, updatedAt: day.updated_at })),
      months: workdaysPerMonth(year, workingCalendar(days)),
    };
  }

  async function setDay(session: AuthenticatedSession, actor: AuditActor, date: string, body: CalendarDayBody): Promise<WorkingCalendarYear> {
    checkException('date', date, body.kind);
    await db.kysely.transaction().execute(async (trx) => {
      const before = await repo.exceptionOn(trx, date);
      await repo.putException(trx, { date, kind: body.kind, name: body.name.trim(), updated_by: session.user.id, updated_at: new Date(clock()).toISOString() });
      await audit.append(trx, actor, { action: 'calendar.day_set', objectType: 'working_day', objectId: date, details: { kind: body.kind, name: body.name, before: before ?? null } });
    });
    return year(Number(date.slice(0, 4)));
  }

  async function clearDay(actor: AuditActor, date: string): Promise<WorkingCalendarYear> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || calendarExceptionProblem(date, 'holiday') === 'date_invalid') throw new DomainError('CALENDAR_DATE_INVALID', { field: 'date', value: date });
    await db.kysely.transaction().execute(async (trx) => {
      const before = await repo.exceptionOn(trx, date);
      if (!before || !(await repo.deleteException(trx, date))) throw new DomainError('NOT_FOUND', { date });
      await audit.append(trx, actor, { action: 'calendar.day_cleared', objectType: 'working_day', objectId: date, details: { before } });
    });
    return year(Number(date.slice(0, 4)));
  }

  /** The State Council's notice for a year, entered once: the year's exceptions become exactly these. */
  async function replaceYear(session: AuthenticatedSession, actor: AuditActor, target: number, body: CalendarYearBody): Promise<WorkingCalendarYear> {
    const seen = new Set<string>();
    body.days.forEach((day, i) => {
      const field = `days[${i}].date`;
      checkException(field, day.date, day.kind);
      if (!day.date.startsWith(`${target}-`)) throw new DomainError('CALENDAR_DATE_OUTSIDE_YEAR', { field, value: day.date, year: target });
      if (seen.has(day.date)) throw new DomainError('CALENDAR_DATE_REPEATED', { field, value: day.date });
      seen.add(day.date);
    });
    await db.kysely.transaction().execute(async (trx) => {
      const removed = await repo.deleteExceptionsBetween(trx, `${target}-01-01`, `${target}-12-31`);
      const now = new Date(clock()).toISOString();
      for (const day of body.days) await repo.putException(trx, { date: day.date, kind: day.kind, name: day.name.trim(), updated_by: session.user.id, updated_at: now });
      await audit.append(trx, actor, { action: 'calendar.year_set', objectType: 'working_calendar', objectId: String(target), details: { removed, days: body.days.length } });
    });
    return year(target);
  }

  return { year, setDay, clearDay, replaceYear };
}

export type WorkingCalendarService = ReturnType<typeof createWorkingCalendarService>;
