// Compliance with the county's training rules (per person: required, attended, short by, per
// rule and period), totals per township and village, the worker's own trainings, and the rules
// themselves (county setting `training.rules`, changed by the county only).
import {
  DEFAULT_TRAINING_RULES,
  DomainError,
  ancestorPaths,
  isInvited,
  orgPathDepth,
  rolesOfRuleAudience,
  shanghaiDate,
  trainingCompliance,
  trainingRulesProblem,
  type MyTrainings,
  type Role,
  type TrainingCompliance,
  type TrainingComplianceQuery,
  type TrainingRule,
  type TrainingSettings,
  type TrainingShortPerson,
  type TrainingUnitTotals,
  type UpdateTrainingSettingsBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { putSetting, settingsByKeys } from '../settings/settings.repo.js';
import * as repo from './training.repo.js';
import { audienceOf, nameBook, pathAtDepth } from './training-views.js';

export const TRAINING_RULES_KEY = 'training.rules';

export async function trainingSettingsOf(db: Executor): Promise<TrainingSettings> {
  const [row] = await settingsByKeys(db, [TRAINING_RULES_KEY]);
  if (!row) return { rules: [...DEFAULT_TRAINING_RULES], updatedBy: null, updatedAt: null };
  const stored = JSON.parse(row.value) as { rules: TrainingRule[] };
  return {
    rules: stored.rules,
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.display_name ?? '' } : null,
    updatedAt: row.updated_at,
  };
}

/** The path of a township or village code within the caller's scope; 404 outside it. */
async function filterPath(db: Executor, scope: string, query: TrainingComplianceQuery): Promise<string> {
  const code = query.village ?? query.township;
  if (!code) return scope;
  const path =
    code.length === 12 ? `/${code.slice(0, 6)}/${code.slice(0, 9)}/${code}/` : `/${code.slice(0, 6)}/${code}/`;
  if (query.village && query.township && !query.village.startsWith(query.township)) throw new DomainError('NOT_FOUND');
  if (!path.startsWith(scope) || (await repo.unitsByPaths(db, [path])).length === 0) throw new DomainError('NOT_FOUND');
  return path;
}

export function createTrainingComplianceService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function compliance(session: AuthenticatedSession, query: TrainingComplianceQuery): Promise<TrainingCompliance> {
    const today = shanghaiDate(clock());
    const year = query.year ?? Number(today.slice(0, 4));
    const scope = await filterPath(db.kysely, session.user.orgPath, query);
    const { rules: allRules } = await trainingSettingsOf(db.kysely);
    const rules = query.kind ? allRules.filter((rule) => rule.kind === query.kind) : allRules;
    const roles = [...new Set(rules.flatMap((rule) => rolesOfRuleAudience(rule.audience)))] as Role[];
    // A department's leader reads the compliance of the department's own staff.
    const departmentId = session.user.role === 'dept_leader' ? (session.departmentId ?? '-') : undefined;
    const people = roles.length === 0 ? [] : await repo.traineesInScope(db.kysely, scope, roles, departmentId ? { departmentId } : {});
    const attended = await repo.attendedInRange(db.kysely, people.map((person) => person.id), `${year}-01-01`, `${year}-12-31`);
    const byPerson = new Map<string, { kind: (typeof attended)[number]['kind']; date: string }[]>();
    for (const row of attended) byPerson.set(row.account_id, [...(byPerson.get(row.account_id) ?? []), { kind: row.kind, date: row.date }]);

    const names = await nameBook(
      db.kysely,
      people.flatMap((person) => [pathAtDepth(person.org_path, 2), pathAtDepth(person.org_path, 3)]),
      people.flatMap((person) => (person.department_id ? [person.department_id] : [])),
    );
    const units = new Map<string, TrainingUnitTotals>();
    const tally = (path: string, level: 'township' | 'village', isShort: boolean, shortBy: number) => {
      const unit = units.get(path) ?? { path, name: names.unit(path), level, people: 0, short: 0, shortBy: 0 };
      units.set(path, { ...unit, people: unit.people + 1, short: unit.short + (isShort ? 1 : 0), shortBy: unit.shortBy + shortBy });
    };
    const short: TrainingShortPerson[] = [];
    let counted = 0;
    for (const person of people) {
      const results = trainingCompliance(rules, person.role, year, today, byPerson.get(person.id) ?? [], shanghaiDate(Date.parse(person.created_at)));
      if (results.length === 0) continue;
      counted += 1;
      const missing = results.filter((result) => result.shortBy > 0);
      const shortBy = missing.reduce((sum, result) => sum + result.shortBy, 0);
      const depth = orgPathDepth(person.org_path);
      const township = depth >= 2 ? pathAtDepth(person.org_path, 2) : null;
      const village = depth >= 3 ? pathAtDepth(person.org_path, 3) : null;
      if (township) tally(township, 'township', missing.length > 0, shortBy);
      if (village) tally(village, 'village', missing.length > 0, shortBy);
      if (missing.length > 0)
        short.push({
          accountId: person.id,
          name: person.display_name,
          role: person.role,
          townshipName: township ? names.unit(township) : '',
          villageName: village ? names.unit(village) : '',
          departmentName: names.department(person.department_id),
          rules: missing,
        });
    }
    return {
      year,
      asOf: today,
      rules,
      people: counted,
      short,
      units: [...units.values()].sort((a, b) => a.path.localeCompare(b.path)),
    };
  }

  async function mine(session: AuthenticatedSession, yearAsked: number | undefined): Promise<MyTrainings> {
    const today = shanghaiDate(clock());
    const year = yearAsked ?? Number(today.slice(0, 4));
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const me = session.user;
    const attendedRows = await repo.attendedInRange(db.kysely, [me.id], from, to);
    const created = await repo.accountCreatedAt(db.kysely, me.id);
    const since = created ? shanghaiDate(Date.parse(created.created_at)) : undefined;
    const { rules } = await trainingSettingsOf(db.kysely);
    const attendedIds = new Set(attendedRows.map((row) => row.session_id));
    const above = ancestorPaths(me.orgPath).filter((path) => path !== '/');
    const trainee = { role: me.role, orgPath: me.orgPath, departmentId: session.departmentId };
    const upcoming = (await repo.sessionsAbove(db.kysely, above, today > from ? today : from, to))
      .filter((row) => row.status !== 'cancelled' && !attendedIds.has(row.id) && isInvited(audienceOf(row), trainee))
      .map((row) => ({ sessionId: row.id, kind: row.kind, topic: row.topic, date: row.date, startTime: row.start_time, place: row.place, how: null, at: null }));
    return {
      year,
      attended: attendedRows.map((row) => ({ sessionId: row.session_id, kind: row.kind, topic: row.topic, date: row.date, startTime: row.start_time, place: row.place, how: row.how, at: row.at })),
      upcoming,
      compliance: trainingCompliance(rules, me.role, year, today, attendedRows.map((row) => ({ kind: row.kind, date: row.date })), since),
    };
  }

  async function updateSettings(session: AuthenticatedSession, actor: AuditActor, body: UpdateTrainingSettingsBody): Promise<TrainingSettings> {
    // A county-wide setting is the county's: a township's center cannot change it.
    if (orgPathDepth(session.user.orgPath) > 1) {
      await audit.appendAlone(actor, {
        action: 'access.denied',
        outcome: 'denied',
        details: { permission: 'training.rules.manage', reason: 'below_county', route: 'PUT /api/settings/training' },
      });
      throw new DomainError('FORBIDDEN', { permission: 'training.rules.manage' });
    }
    const problem = trainingRulesProblem(body.rules);
    if (problem) throw new DomainError('TRAINING_RULES_INVALID', { field: problem });
    await db.kysely.transaction().execute(async (trx) => {
      const before = await trainingSettingsOf(trx);
      await putSetting(trx, { key: TRAINING_RULES_KEY, value: JSON.stringify({ rules: body.rules }), updated_by: session.user.id, updated_at: new Date(clock()).toISOString() });
      await audit.append(trx, actor, {
        action: 'setting.updated',
        objectType: 'county_setting',
        objectId: TRAINING_RULES_KEY,
        orgPath: session.user.orgPath,
        details: { before: before.rules, after: body.rules },
      });
    });
    return trainingSettingsOf(db.kysely);
  }

  return { compliance, mine, settings: () => trainingSettingsOf(db.kysely), updateSettings };
}

export type TrainingComplianceService = ReturnType<typeof createTrainingComplianceService>;
