// Training compliance for the assessment: the county's training rules (core trainingCompliance,
// as the training compliance page reads them) applied to each person, as of the end of the period
// or today if sooner. Two queries whatever the number of people: the people and their attendance.
import { rolesOfRuleAudience, shanghaiDate, trainingCompliance, type Role, type RuleCompliance } from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import { trainingSettingsOf } from '../training/training-compliance.service.js';
import { lastDayOf } from './indicator-period.js';
import type { IndicatorPeriod } from './indicator-source.js';
import * as repo from './operations-indicators.repo.js';

export type TraineeFilter = { scopePath: string } | { departmentIds: readonly string[] } | { accountId: string };

export interface TraineeCompliance {
  readonly id: string;
  readonly name: string;
  readonly orgPath: string;
  readonly departmentId: string | null;
  readonly results: RuleCompliance[];
  /** Sessions the rules asked for so far, and those attended that count. */
  readonly required: number;
  readonly credited: number;
  readonly meets: boolean;
}

/** The rules' verdict for every person they ask something of by the period's end (or today). */
export async function traineeCompliance(db: Executor, period: IndicatorPeriod, filter: TraineeFilter): Promise<TraineeCompliance[]> {
  const asOf = lastDayOf(period);
  const year = Number(period.period.slice(0, 4));
  if (asOf < `${year}-01-01`) return [];
  const { rules } = await trainingSettingsOf(db);
  const roles = [...new Set(rules.flatMap((rule) => rolesOfRuleAudience(rule.audience)))] as Role[];
  const [people, attended] = await Promise.all([repo.trainees(db, roles, filter, period), repo.attendance(db, roles, filter, period, `${year}-01-01`, asOf)]);
  const byPerson = new Map<string, { kind: (typeof attended)[number]['kind']; date: string }[]>();
  for (const row of attended) {
    const list = byPerson.get(row.account_id);
    if (list) list.push({ kind: row.kind, date: row.date });
    else byPerson.set(row.account_id, [{ kind: row.kind, date: row.date }]);
  }
  const out: TraineeCompliance[] = [];
  for (const person of people) {
    const results = trainingCompliance(rules, person.role, year, asOf, byPerson.get(person.id) ?? [], shanghaiDate(Date.parse(person.created_at)));
    const required = results.reduce((sum, result) => sum + result.required, 0);
    if (required === 0) continue;
    const credited = results.reduce((sum, result) => sum + result.attended, 0);
    out.push({ id: person.id, name: person.display_name, orgPath: person.org_path, departmentId: person.department_id, results, required, credited, meets: credited === required });
  }
  return out;
}
