// Departments sit beside the territory and receive events: township departments (乡直单位), the
// rural "两所一院" (police station, judicial office, health centre or court), county departments.
import type { Locale } from '../i18n/locale.js';

export const DEPARTMENT_KINDS = [
  'township_department',
  'police_station',
  'judicial_office',
  'health_center',
  'court',
  'county_department',
] as const;

export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, Record<Locale, string>> = {
  township_department: { 'zh-CN': '乡直单位', 'en-US': 'Township department' },
  police_station: { 'zh-CN': '派出所', 'en-US': 'Police station' },
  judicial_office: { 'zh-CN': '司法所', 'en-US': 'Judicial office' },
  health_center: { 'zh-CN': '卫生院', 'en-US': 'Health centre' },
  court: { 'zh-CN': '人民法庭', 'en-US': 'People’s tribunal' },
  county_department: { 'zh-CN': '县级部门', 'en-US': 'County department' },
};
