// The roles of DOMAIN.md. Code uses the English names; the UI shows the Chinese labels.
import type { Locale } from '../i18n/locale.js';

export const ROLES = [
  'county_admin',
  'center_operator',
  'village_admin',
  'grid_worker_fulltime',
  'grid_worker_parttime',
  'dept_handler',
  'dept_leader',
  'leader',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, Record<Locale, string>> = {
  county_admin: { 'zh-CN': '县网格化服务管理中心', 'en-US': 'County center administrator' },
  center_operator: { 'zh-CN': '乡分中心工作人员', 'en-US': 'Township sub-center operator' },
  village_admin: { 'zh-CN': '村（社区）负责人', 'en-US': 'Village administrator' },
  grid_worker_fulltime: { 'zh-CN': '专职网格员', 'en-US': 'Full-time grid worker' },
  grid_worker_parttime: { 'zh-CN': '兼职网格员', 'en-US': 'Part-time grid worker' },
  dept_handler: { 'zh-CN': '部门经办人员', 'en-US': 'Department handler' },
  dept_leader: { 'zh-CN': '部门分管领导', 'en-US': 'Department leader' },
  leader: { 'zh-CN': '领导', 'en-US': 'Leader' },
  system_admin: { 'zh-CN': '系统管理员', 'en-US': 'System administrator' },
  security_admin: { 'zh-CN': '安全管理员', 'en-US': 'Security administrator' },
  audit_admin: { 'zh-CN': '安全审计员', 'en-US': 'Audit administrator' },
};
