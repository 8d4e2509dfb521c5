// The 日常运行 (daily operations) menu: duty, daily checks, the working calendar, information
// reports, publicity, training and sub-center standards. Each capability adds its own entries
// here, shown only to the roles whose permissions allow them; an empty group is not shown.
import { can, type Role } from '@gridwork/core';

export interface DailyMenuEntry {
  readonly key: string;
  readonly label: string;
}

export function dailyMenuFor(role: Role, t: (zh: string, en: string) => string): DailyMenuEntry[] {
  const entries: DailyMenuEntry[] = [];
  // Entries, one line each: `if (can(role, '<permission>')) entries.push({ key: '/daily/<page>', label: t('中文', 'English') });`
  if (can(role, 'info_report.read')) entries.push({ key: '/daily/info-reports', label: t('信息报送', 'Information reports') });
  if (can(role, 'info_report.read')) entries.push({ key: '/daily/info-reports/quota', label: t('报送考核', 'Report quota') });
  if (can(role, 'daily_check.read')) entries.push({ key: '/daily/checks', label: t('每日督查', 'Daily checks') });
  if (can(role, 'duty.read')) entries.push({ key: '/daily/duty', label: t('值班安排', 'Duty roster') });
  if (can(role, 'calendar.manage') || can(role, 'duty.read')) entries.push({ key: '/daily/calendar', label: t('工作日历', 'Working calendar') });
  if (can(role, 'publicity.read')) entries.push({ key: '/daily/publicity', label: t('宣传发动', 'Publicity') });
  if (can(role, 'publicity.read')) entries.push({ key: '/daily/publicity/monthly', label: t('宣传月度统计', 'Publicity by month') });
  if (can(role, 'station.read')) entries.push({ key: '/daily/stations', label: t('阵地建设', 'Station standards') });
  if (can(role, 'station.read')) entries.push({ key: '/daily/terminals', label: t('手持终端', 'Hand-held terminals') });
  if (can(role, 'training.read')) entries.push({ key: '/daily/training', label: t('教育培训', 'Training') });
  if (can(role, 'training.read')) entries.push({ key: '/daily/training/compliance', label: t('培训达标', 'Training compliance') });
  return entries;
}
