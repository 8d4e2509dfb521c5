// Training (教育培训) as the plan names it: five kinds of session, their state, and who is invited.
import type { Locale } from '../i18n/locale.js';
import type { Role } from '../access/roles.js';

export const TRAINING_KINDS = ['ethics', 'skills', 'hierarchical', 'department', 'study_visit'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, Readonly<Record<Locale, string>>>> = {
  ethics: { 'zh-CN': '职业素养', 'en-US': 'Professional ethics' },
  skills: { 'zh-CN': '专业知识和技能', 'en-US': 'Knowledge and skills' },
  hierarchical: { 'zh-CN': '层级培训', 'en-US': 'Hierarchical training' },
  department: { 'zh-CN': '部门培训', 'en-US': 'Department leaders and handlers' },
  study_visit: { 'zh-CN': '外出学习考察', 'en-US': 'Study visit' },
};

export const TRAINING_SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type TrainingSessionStatus = (typeof TRAINING_SESSION_STATUSES)[number];

export const TRAINING_STATUS_LABELS: Readonly<Record<TrainingSessionStatus, Readonly<Record<Locale, string>>>> = {
  planned: { 'zh-CN': '计划中', 'en-US': 'Planned' },
  held: { 'zh-CN': '已举办', 'en-US': 'Held' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
};

export const ATTENDANCE_METHODS = ['sheet', 'qr'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

export const ATTENDANCE_METHOD_LABELS: Readonly<Record<AttendanceMethod, Readonly<Record<Locale, string>>>> = {
  sheet: { 'zh-CN': '签到表', 'en-US': 'Sign-in sheet' },
  qr: { 'zh-CN': '扫码签到', 'en-US': 'QR code' },
};

/** The roles that attend trainings (and so may be on a sign-in sheet or sign in by QR code). */
export const TRAINEE_ROLES: readonly Role[] = [
  'grid_worker_fulltime',
  'grid_worker_parttime',
  'village_admin',
  'center_operator',
  'dept_handler',
  'dept_leader',
];

export function isTraineeRole(role: Role): boolean {
  return TRAINEE_ROLES.includes(role);
}

/** Who a session invites: roles and/or units (org paths) and/or departments; an empty list does not narrow. */
export interface TrainingAudience {
  readonly roles: readonly Role[];
  readonly orgPaths: readonly string[];
  readonly departmentIds: readonly string[];
}

export interface Trainee {
  readonly role: Role;
  readonly orgPath: string;
  readonly departmentId: string | null;
}

/**
 * Whether the session invites this account: its role (when roles are named), and its unit or
 * department (when units or departments are named). The organiser's scope is checked apart.
 */
export function isInvited(audience: TrainingAudience, trainee: Trainee): boolean {
  if (!isTraineeRole(trainee.role)) return false;
  if (audience.roles.length > 0 && !audience.roles.includes(trainee.role)) return false;
  if (audience.orgPaths.length === 0 && audience.departmentIds.length === 0) return true;
  return (
    audience.orgPaths.some((path) => trainee.orgPath.startsWith(path)) ||
    (trainee.departmentId !== null && audience.departmentIds.includes(trainee.departmentId))
  );
}
