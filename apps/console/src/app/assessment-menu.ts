// The 考核评价 (assessment) menu: indicators, rankings, the scoring scheme, surveys, bulletins and
// the leader dashboard, each shown only to the roles whose permissions allow it.
import { can, type Role } from '@gridwork/core';

export interface AssessmentMenuEntry {
  readonly key: string;
  readonly label: string;
}

export function assessmentMenuFor(role: Role, t: (zh: string, en: string) => string): AssessmentMenuEntry[] {
  const entries: AssessmentMenuEntry[] = [];
  if (can(role, 'assessment.read')) entries.push({ key: '/assessment/leader', label: t('领导驾驶舱', 'Leader dashboard') });
  if (can(role, 'assessment.read')) entries.push({ key: '/assessment/rankings', label: t('考核排名', 'Scores and rankings') });
  if (can(role, 'assessment.read')) entries.push({ key: '/assessment/indicators', label: t('考核指标', 'Indicators') });
  if (can(role, 'assessment.read')) entries.push({ key: '/assessment/scheme', label: t('考核方案', 'Scoring scheme') });
  if (can(role, 'survey.read')) entries.push({ key: '/assessment/surveys', label: t('知晓率满意率调查', 'Surveys') });
  if (can(role, 'bulletin.read')) entries.push({ key: '/assessment/bulletins', label: t('通报', 'Bulletins') });
  return entries;
}
