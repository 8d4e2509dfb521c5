// Rows for the operations indicators' hand-computed fixture, written straight into the tables so
// that each test states its dates and outcomes exactly (the services that normally write them are
// tested in their own modules). Test support only.
import { newId } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { unitCodeColumns } from '../../db/sql-helpers.js';
import { insertPerson } from '../persons/persons.repo.js';

const NOW = '2026-11-24T01:00:00.000Z';

export async function aPerson(
  db: Executor,
  path: string,
  name: string,
  fields: Partial<{ phone: boolean; address: string | null; birthDate: string | null; createdAt: string; gridId: string | null }> = {},
): Promise<string> {
  const id = newId();
  await insertPerson(db, {
    id,
    path,
    grid_id: fields.gridId ?? null,
    name,
    gender: 'female',
    ethnicity: '汉族',
    birth_date: fields.birthDate === undefined ? '1970-05-01' : fields.birthDate,
    id_type: 'resident_id',
    id_sealed: null,
    id_index: null,
    id_masked: null,
    phone_sealed: null,
    phone_index: fields.phone === false ? null : `phone-${id}`,
    phone_masked: null,
    hukou_place: '四川省井研县',
    address: fields.address === undefined ? '村口 1 号' : fields.address,
    residence_status: 'registered',
    tags: '[]',
    status: 'active',
    status_reason: null,
    version: 1,
    key_group: 0,
    verified_at: null,
    verified_by: null,
    created_at: fields.createdAt ?? '2026-01-05T00:00:00.000Z',
    updated_at: NOW,
  });
  return id;
}

export async function aVerification(db: Executor, personId: string, path: string, actorId: string, at: string, outcome: 'confirmed' | 'corrected'): Promise<void> {
  await db
    .insertInto('person_verification')
    .values({ id: newId(), person_id: personId, path, outcome, corrected: outcome === 'corrected' ? '["phone"]' : '[]', actor_id: actorId, at })
    .execute();
}

export async function aPlan(db: Executor): Promise<string> {
  const id = newId();
  await db
    .insertInto('follow_up_plan')
    .values({ id, name: '留守老人', subject_kind: 'tag', subject_value: 'left_behind_elderly', category_index: null, risk_level: null, subject_key: `tag:left_behind_elderly:${id}`, intervals_days: '[30]', shift: 'from_visit', grace_days: 3, active: 1, version: 1, created_by: 'test', created_at: NOW, updated_at: NOW })
    .execute();
  return id;
}

/** A schedule of a person whose current visit was due `dueOn` and turns overdue after `overdueAfter`. */
export async function aSchedule(db: Executor, planId: string, personId: string, path: string, gridId: string | null, dueOn: string, overdueAfter: string, endedAt: string | null = null): Promise<string> {
  const id = newId();
  await db
    .insertInto('visit_schedule')
    .values({
      id,
      subject_key: `tag:${personId}:${id}`,
      subject_kind: 'tag',
      record_id: null,
      tag: 'left_behind_elderly',
      plan_id: planId,
      person_id: personId,
      path,
      grid_id: gridId,
      anchor_on: '2026-01-01',
      base_on: '2026-01-01',
      due_on: dueOn,
      due_week_on: dueOn,
      overdue_after: overdueAfter,
      missed_after: '2027-01-01',
      next_card_after: null,
      visits_done: 0,
      missed_count: 0,
      last_visited_at: null,
      ended_at: endedAt,
      created_at: NOW,
      updated_at: NOW,
      ...unitCodeColumns(path),
    })
    .execute();
  return id;
}

/** A visit at `visitedAt` meeting the due visits of the schedules given, each on time or late. */
export async function aVisit(db: Executor, personId: string, path: string, workerId: string, visitedAt: string, targets: readonly { scheduleId: string; dueOn: string; onTime: boolean }[]): Promise<string> {
  const id = newId();
  await db
    .insertInto('visit')
    .values({
      id,
      client_key: id,
      client_owner: workerId,
      request_hash: 'x',
      person_id: personId,
      schedule_id: targets[0]?.scheduleId ?? null,
      worker_id: workerId,
      path,
      visited_at: visitedAt,
      lon: null,
      lat: null,
      accuracy: null,
      met: 'person',
      situation: 'normal',
      event_id: null,
      notes: null,
      distance_m: null,
      flags: '[]',
      review: 'none',
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
      created_at: visitedAt,
      ...unitCodeColumns(path),
    })
    .execute();
  for (const target of targets) await db.insertInto('visit_target').values({ visit_id: id, schedule_id: target.scheduleId, due_on: target.dueOn, on_time: target.onTime ? 1 : 0 }).execute();
  return id;
}

export async function aGridAssignment(db: Executor, gridId: string, accountId: string, assignedAt: string): Promise<void> {
  await db.insertInto('grid_worker').values({ grid_id: gridId, account_id: accountId, assigned_at: assignedAt }).execute();
}

export async function aTrainingSession(db: Executor, kind: 'ethics' | 'skills' | 'department', date: string, attendees: readonly string[], status: 'held' | 'cancelled' = 'held'): Promise<string> {
  const id = newId();
  await db
    .insertInto('training_session')
    .values({ id, kind, topic: `${kind} ${date}`, date, start_time: '09:00', end_time: '11:00', place: '县中心', trainer: '讲师', organiser_path: '/511124/', audience: '{}', sign_in_token: id, status, version: 1, created_by: 'test', created_at: NOW, updated_at: NOW })
    .execute();
  for (const accountId of attendees)
    await db.insertInto('training_attendance').values({ id: newId(), session_id: id, account_id: accountId, how: 'sheet', at: `${date}T02:00:00.000Z`, recorded_by: accountId, client_key: null, created_at: NOW }).execute();
  return id;
}

export async function anInfoReport(db: Executor, townshipId: string, path: string, authorId: string, title: string, status: 'draft' | 'submitted' | 'adopted', firstSubmittedAt: string, month: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('info_report')
    .values({ id, client_key: id, request_hash: 'x', township_id: townshipId, path, title, body: '正文', category: 'work_update', subject_account_id: null, status, level: status === 'adopted' ? 'county' : null, submitted_at: firstSubmittedAt, first_submitted_at: firstSubmittedAt, first_submitted_month: month, adopted_at: status === 'adopted' ? firstSubmittedAt : null, returned_note: null, author_id: authorId, version: 1, created_at: firstSubmittedAt, updated_at: firstSubmittedAt })
    .execute();
  return id;
}

export async function aDutyLapse(db: Executor, unitId: string, unitPath: string, date: string, reason: 'no_roster' | 'no_check_in'): Promise<void> {
  await db.insertInto('duty_lapse').values({ id: newId(), unit_id: unitId, unit_path: unitPath, date, reason, recorded_at: `${date}T09:00:00.000Z` }).execute();
}

export async function aSurvey(db: Executor, title: string, endsOn: string, status: 'draft' | 'open' | 'closed'): Promise<string> {
  const id = newId();
  await db
    .insertInto('survey')
    .values({ id, title, year: 2026, half: 'H2', starts_on: '2026-07-01', ends_on: endsOn, sample_per_village: 10, seed: 'seed', questions: '[]', status, version: 1, created_by: 'test', created_at: NOW, updated_at: NOW })
    .execute();
  return id;
}

/** One respondent's answer: aware and satisfied as 1, 0 or null (not asked). */
export async function aSurveyAnswer(db: Executor, surveyId: string, villageId: string, villagePath: string, aware: 0 | 1 | null, satisfied: 0 | 1 | null): Promise<void> {
  const id = newId();
  await db
    .insertInto('survey_answer')
    .values({ id, survey_id: surveyId, village_id: villageId, village_path: villagePath, channel: 'phone', person_id: null, phone_index: `p-${id}`, answers: '{}', aware, satisfied, entered_by: null, client_key: null, created_at: '2026-11-10T02:00:00.000Z' })
    .execute();
}
