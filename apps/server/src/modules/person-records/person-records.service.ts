// Special-population and assistance records on a person. A special population's category and
// details are sealed at rest and shown only to roles with person.special; every read of them is
// on the audit trail. Records are never deleted: they end on a date, with a reason.
import {
  DomainError,
  newId,
  shanghaiDate,
  type AssistanceView,
  type CreateAssistanceBody,
  type CreateSpecialPopulationBody,
  type SpecialPopulationCategory,
  type SpecialPopulationListQuery,
  type SpecialPopulationView,
  type UpdateAssistanceBody,
  type UpdateSpecialPopulationBody,
} from '@gridwork/core';
import type { AssistanceRecordTable, SpecialPopulationTable } from '../../db/tables/person.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { findUnitInScope } from '../persons/persons.repo.js';
import * as repo from './person-records.repo.js';
import { syncVisitSchedules } from '../visits/visit-schedules.service.js';

type SpecialRow = SpecialPopulationTable & { person_name: string; person_id_masked: string | null; person_path: string };

/** An end date on or before today ends the record, and needs a reason; it never precedes the start. */
function checkEnd(startDate: string, endDate: string | undefined, reason: string | undefined, today: string): void {
  if (endDate === undefined) return;
  if (endDate < startDate) throw new DomainError('RECORD_DATES_INVALID', { field: 'endDate' });
  if (endDate <= today && !reason?.trim()) throw new DomainError('RECORD_END_REASON_REQUIRED', { field: 'reason' });
}

export function createPersonRecordsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();
  const today = () => shanghaiDate(clock());

  function specialView(row: SpecialRow): SpecialPopulationView {
    const crypto = ctx.fieldCrypto();
    const endDate = row.end_date;
    return {
      id: row.id,
      personId: row.person_id,
      personName: row.person_name,
      idNumber: row.person_id_masked,
      path: row.person_path,
      category: crypto.open(row.category_sealed) as SpecialPopulationCategory,
      riskLevel: row.risk_level,
      supervisingUnit: row.supervising_unit,
      startDate: row.start_date,
      endDate,
      endReason: row.end_reason,
      details: row.details_sealed ? crypto.open(row.details_sealed) : null,
      active: endDate === null || endDate > today(),
      version: row.version,
      updatedAt: row.updated_at,
    };
  }

  function assistanceView(row: AssistanceRecordTable): AssistanceView {
    return {
      id: row.id,
      personId: row.person_id,
      kind: row.kind,
      measures: row.measures,
      startDate: row.start_date,
      endDate: row.end_date,
      endReason: row.end_reason,
      active: row.end_date === null || row.end_date > today(),
      version: row.version,
      updatedAt: row.updated_at,
    };
  }

  const categoryIndex = (category: SpecialPopulationCategory) => ctx.fieldCrypto().blindIndex('special_category', category);

  /** Reading special-population records is itself sensitive: who read whose, on the trail. */
  async function auditRead(actor: AuditActor, rows: readonly SpecialRow[], what: string): Promise<void> {
    if (rows.length === 0) return;
    await audit.appendAlone(actor, { action: 'sensitive.unmasked', objectType: 'special_population', objectId: rows.length === 1 ? rows[0]!.id : undefined, orgPath: rows[0]!.person_path, details: { fields: ['specialPopulation'], purpose: what, records: rows.length } });
  }

  async function createSpecial(session: AuthenticatedSession, actor: AuditActor, personId: string, body: CreateSpecialPopulationBody): Promise<SpecialPopulationView> {
    checkEnd(body.startDate, body.endDate, undefined, '0000-00-00');
    const crypto = ctx.fieldCrypto();
    return db.kysely.transaction().execute(async (trx) => {
      const person = await repo.personInScope(trx, session.user.orgPath, personId);
      if (!person) throw new DomainError('NOT_FOUND');
      const now = iso();
      const row: SpecialPopulationTable = {
        id: newId(),
        person_id: person.id,
        category_sealed: crypto.seal(body.category),
        category_index: categoryIndex(body.category),
        risk_level: body.riskLevel,
        supervising_unit: body.supervisingUnit.trim(),
        start_date: body.startDate,
        end_date: body.endDate ?? null,
        end_reason: null,
        details_sealed: body.details?.trim() ? crypto.seal(body.details.trim()) : null,
        version: 1,
        created_by: session.user.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertSpecial(trx, row);
      await syncVisitSchedules(ctx, trx, [person.id]);
      // The trail names the record, not its category: the trail is read by more people than the record.
      await audit.append(trx, actor, { action: 'special_population.created', objectType: 'special_population', objectId: row.id, orgPath: person.path, details: { personId: person.id, riskLevel: body.riskLevel } });
      return specialView({ ...row, person_name: person.name, person_id_masked: person.id_masked, person_path: person.path });
    });
  }

  async function updateSpecial(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateSpecialPopulationBody): Promise<SpecialPopulationView> {
    const crypto = ctx.fieldCrypto();
    return db.kysely.transaction().execute(async (trx) => {
      const before = await repo.specialInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      checkEnd(before.start_date, body.endDate, body.reason, today());
      const changes: Partial<SpecialPopulationTable> = { version: before.version + 1, updated_at: iso() };
      if (body.riskLevel) changes.risk_level = body.riskLevel;
      if (body.supervisingUnit) changes.supervising_unit = body.supervisingUnit.trim();
      if (body.details !== undefined) changes.details_sealed = body.details.trim() ? crypto.seal(body.details.trim()) : null;
      if (body.endDate !== undefined) Object.assign(changes, { end_date: body.endDate, end_reason: body.reason?.trim() ?? null });
      if (!(await repo.updateSpecial(trx, id, before.version, changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      await syncVisitSchedules(ctx, trx, [before.person_id]);
      const changed = Object.keys(body).filter((key) => key !== 'version' && key !== 'reason');
      await audit.append(trx, actor, { action: 'special_population.updated', objectType: 'special_population', objectId: id, orgPath: before.person_path, details: { changed, reason: body.reason ?? null } });
      return specialView({ ...before, ...changes });
    });
  }

  async function specialsOfPerson(session: AuthenticatedSession, actor: AuditActor, personId: string): Promise<SpecialPopulationView[]> {
    if (!(await repo.personInScope(db.kysely, session.user.orgPath, personId))) throw new DomainError('NOT_FOUND');
    const rows = await repo.specialsOfPerson(db.kysely, session.user.orgPath, personId);
    await auditRead(actor, rows, 'person');
    return rows.map(specialView);
  }

  async function listSpecials(session: AuthenticatedSession, actor: AuditActor, query: SpecialPopulationListQuery) {
    const limit = query.limit ?? 20;
    const filters: repo.SpecialFilters = {
      ...(query.category ? { categoryIndex: categoryIndex(query.category) } : {}),
      ...(query.riskLevel ? { riskLevel: query.riskLevel } : {}),
      ...(query.active !== undefined ? { active: { today: today(), active: query.active } } : {}),
      ...(query.after ? { beforeId: query.after } : {}),
    };
    if (query.villageId) {
      const village = await findUnitInScope(db.kysely, session.user.orgPath, query.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      Object.assign(filters, { pathPrefix: village.path });
    }
    const rows = await repo.listSpecials(db.kysely, session.user.orgPath, filters, limit + 1);
    const page = rows.slice(0, limit);
    await auditRead(actor, page, 'list');
    return { items: page.map(specialView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  async function createAssistance(session: AuthenticatedSession, actor: AuditActor, personId: string, body: CreateAssistanceBody): Promise<AssistanceView> {
    checkEnd(body.startDate, body.endDate, undefined, '0000-00-00');
    return db.kysely.transaction().execute(async (trx) => {
      const person = await repo.personInScope(trx, session.user.orgPath, personId);
      if (!person) throw new DomainError('NOT_FOUND');
      const now = iso();
      const row: AssistanceRecordTable = {
        id: newId(),
        person_id: person.id,
        kind: body.kind,
        measures: body.measures.trim(),
        start_date: body.startDate,
        end_date: body.endDate ?? null,
        end_reason: null,
        version: 1,
        created_by: session.user.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertAssistance(trx, row);
      await syncVisitSchedules(ctx, trx, [person.id]);
      await audit.append(trx, actor, { action: 'assistance.created', objectType: 'assistance', objectId: row.id, orgPath: person.path, details: { personId: person.id, kind: body.kind } });
      return assistanceView(row);
    });
  }

  async function updateAssistance(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateAssistanceBody): Promise<AssistanceView> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await repo.assistanceInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      checkEnd(before.start_date, body.endDate, body.reason, today());
      const changes: Partial<AssistanceRecordTable> = { version: before.version + 1, updated_at: iso() };
      if (body.measures) changes.measures = body.measures.trim();
      if (body.endDate !== undefined) Object.assign(changes, { end_date: body.endDate, end_reason: body.reason?.trim() ?? null });
      if (!(await repo.updateAssistance(trx, id, before.version, changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      await syncVisitSchedules(ctx, trx, [before.person_id]);
      await audit.append(trx, actor, { action: 'assistance.updated', objectType: 'assistance', objectId: id, orgPath: before.person_path, details: { changed: Object.keys(body).filter((key) => key !== 'version' && key !== 'reason'), reason: body.reason ?? null } });
      const { person_path: _path, ...record } = { ...before, ...changes };
      return assistanceView(record);
    });
  }

  async function assistanceOfPerson(session: AuthenticatedSession, personId: string): Promise<AssistanceView[]> {
    if (!(await repo.personInScope(db.kysely, session.user.orgPath, personId))) throw new DomainError('NOT_FOUND');
    return (await repo.assistanceOfPerson(db.kysely, personId)).map(assistanceView);
  }

  return { createSpecial, updateSpecial, specialsOfPerson, listSpecials, createAssistance, updateAssistance, assistanceOfPerson };
}

export type PersonRecordsService = ReturnType<typeof createPersonRecordsService>;
