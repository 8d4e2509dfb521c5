// The county's working calendar as stored: its exceptions to Monday-to-Friday.
import { workingCalendar, type CalendarDayKind, type WorkingCalendar } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';

/** The calendar for days from `from` to `to` (Shanghai dates, both included); days outside count as plain weekdays/weekends. */
export async function loadWorkingCalendar(db: Executor, from: string, to: string): Promise<WorkingCalendar> {
  const days = await db.selectFrom('working_day').select(['date', 'kind']).where('date', '>=', from).where('date', '<=', to).execute();
  return workingCalendar(days);
}

/** The exceptions from `from` to `to`, by date. */
export function exceptionsBetween(db: Executor, from: string, to: string) {
  return db.selectFrom('working_day').select(['date', 'kind', 'name', 'updated_at']).where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
}

export function exceptionOn(db: Executor, date: string) {
  return db.selectFrom('working_day').select(['date', 'kind', 'name']).where('date', '=', date).executeTakeFirst();
}

/** Sets the exception of a day, replacing the one it had. */
export async function putException(db: Executor, row: { date: string; kind: CalendarDayKind; name: string; updated_by: string | null; updated_at: string }): Promise<void> {
  await db
    .insertInto('working_day')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

export async function deleteException(db: Executor, date: string): Promise<boolean> {
  const result = await db.deleteFrom('working_day').where('date', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteExceptionsBetween(db: Executor, from: string, to: string): Promise<number> {
  const result = await db.deleteFrom('working_day').where('date', '>=', from).where('date', '<=', to).executeTakeFirst();
  return Number(result.numDeletedRows);
}
