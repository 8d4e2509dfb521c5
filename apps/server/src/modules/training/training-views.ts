// Rows to API shapes for training, and the names those shapes show (units, departments, files).
import {
  orgPathDepth,
  parseOrgPath,
  type TrainingAttendance,
  type TrainingAudienceBody,
  type TrainingSession,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { attachmentRefs } from '../attachments/attachments.service.js';
import * as repo from './training.repo.js';

/** The path of `path` cut to at most `depth` levels (a grid worker's village, a session's township). */
export function pathAtDepth(path: string, depth: number): string {
  const codes = parseOrgPath(path) ?? [];
  return codes.length <= depth ? path : `/${codes.slice(0, depth).join('/')}/`;
}

export function audienceOf(row: repo.SessionRow): TrainingAudienceBody {
  const parsed = JSON.parse(row.audience) as Partial<TrainingAudienceBody>;
  return { roles: parsed.roles ?? [], orgPaths: parsed.orgPaths ?? [], departmentIds: parsed.departmentIds ?? [] };
}

/** Names of units and departments, looked up once for a batch of rows. */
export async function nameBook(
  db: Executor,
  paths: readonly string[],
  departmentIds: readonly string[],
): Promise<{ unit(path: string): string; department(id: string | null): string }> {
  const units = new Map((await repo.unitsByPaths(db, [...new Set(paths)])).map((unit) => [unit.path, unit.name]));
  const departments = new Map(
    (await repo.departmentsByIds(db, [...new Set(departmentIds)])).map((department) => [department.id, department.name]),
  );
  return {
    unit: (path) => units.get(path) ?? '',
    department: (id) => (id ? (departments.get(id) ?? '') : ''),
  };
}

/** The unit an account is shown with: its department, else its village (or township, county). */
export function accountUnitPaths(orgPath: string): string {
  return pathAtDepth(orgPath, Math.min(3, orgPathDepth(orgPath)));
}

export async function toAttendanceViews(db: Executor, rows: readonly repo.AttendanceRow[]): Promise<TrainingAttendance[]> {
  const names = await nameBook(
    db,
    rows.map((row) => accountUnitPaths(row.org_path)),
    rows.flatMap((row) => (row.department_id ? [row.department_id] : [])),
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    accountId: row.account_id,
    accountName: row.account_name,
    role: row.role,
    orgPath: row.org_path,
    unitName: names.department(row.department_id) || names.unit(accountUnitPaths(row.org_path)),
    how: row.how,
    at: row.at,
    recordedBy: row.recorded_by,
    recordedByName: row.recorded_by_name,
  }));
}

/** Sessions with their organiser's name, materials and attendance count; the token only where `showToken` says. */
export async function toSessionViews(
  db: Executor,
  rows: readonly repo.SessionRow[],
  showToken: (row: repo.SessionRow) => boolean,
): Promise<TrainingSession[]> {
  const ids = rows.map((row) => row.id);
  const materials = await repo.materialsOf(db, ids);
  const refs = new Map((await attachmentRefs(db, [...new Set(materials.map((m) => m.attachment_id))])).map((ref) => [ref.id, ref]));
  const counts = new Map((await repo.attendanceCounts(db, ids)).map((row) => [row.session_id, Number(row.count)]));
  const names = await nameBook(db, rows.map((row) => row.organiser_path), []);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    topic: row.topic,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    trainer: row.trainer,
    organiserPath: row.organiser_path,
    organiserName: names.unit(row.organiser_path),
    audience: audienceOf(row),
    status: row.status,
    materials: materials.filter((m) => m.session_id === row.id).flatMap((m) => refs.get(m.attachment_id) ?? []),
    attendanceCount: counts.get(row.id) ?? 0,
    signInToken: showToken(row) ? row.sign_in_token : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
