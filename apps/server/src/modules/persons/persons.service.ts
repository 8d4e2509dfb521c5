// The registry's people: registered in a grid within the caller's scope, ID numbers checked by
// their check digit, ID numbers and phones sealed at rest and masked in every answer; the
// plain values only through unmask, which is audited. Nothing is deleted: moving out and death
// are changes with a reason, and every change is kept with its before and after.
import {
  DomainError,
  maskIdNumber,
  maskPhone,
  newId,
  normaliseDocumentText,
  parseIdNumber,
  parsePhone,
  shanghaiDate,
  type CreatePersonBody,
  type Locale,
  type PersonExportQuery,
  type PersonListQuery,
  type PersonView,
  type UpdatePersonBody,
} from '@gridwork/core';
import type { NewPerson } from '../../db/tables/person.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import * as repo from './persons.repo.js';
import { personCells, type TemplatePlace } from './persons.workbook.js';

export function toPersonView(row: NewPerson): PersonView {
  return {
    id: row.id,
    path: row.path,
    gridId: row.grid_id,
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthDate: row.birth_date,
    idType: row.id_type,
    idNumber: row.id_masked,
    phone: row.phone_masked,
    hukouPlace: row.hukou_place,
    address: row.address,
    residenceStatus: row.residence_status,
    tags: JSON.parse(row.tags) as string[],
    status: row.status,
    version: row.version,
    verifiedAt: row.verified_at,
    updatedAt: row.updated_at,
  };
}

export function createPersonsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  /** The sealed, indexed and masked forms of an identity document. */
  function document(idType: CreatePersonBody['idType'], text: string) {
    const crypto = ctx.fieldCrypto();
    if (idType === 'resident_id') {
      const parsed = parseIdNumber(text, shanghaiDate(clock()));
      if (!parsed.ok) throw new DomainError('ID_NUMBER_INVALID', { field: 'idNumber', problem: parsed.problem });
      return { value: parsed.value, sealed: crypto.seal(parsed.value), index: crypto.blindIndex('id_number', parsed.value), masked: maskIdNumber(parsed.value), birthDate: parsed.birthDate, gender: parsed.gender };
    }
    const value = normaliseDocumentText(text);
    if (value.length < 4) throw new DomainError('ID_NUMBER_INVALID', { field: 'idNumber', problem: 'length' });
    return { value, sealed: crypto.seal(value), index: crypto.blindIndex('id_other', value), masked: maskIdNumber(value), birthDate: null, gender: null };
  }

  function phoneColumns(text: string | null | undefined) {
    if (!text) return { phone_sealed: null, phone_index: null, phone_masked: null };
    const parsed = parsePhone(text);
    if (!parsed.ok) throw new DomainError('PHONE_INVALID', { field: 'phone', problem: parsed.problem });
    const crypto = ctx.fieldCrypto();
    return { phone_sealed: crypto.seal(parsed.value), phone_index: crypto.blindIndex('phone', parsed.value), phone_masked: maskPhone(parsed.value) };
  }

  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreatePersonBody): Promise<PersonView> {
    const doc = document(body.idType, body.idNumber);
    const phone = phoneColumns(body.phone);
    return db.kysely.transaction().execute(async (trx) => {
      const grid = await repo.findGridInScope(trx, session.user.orgPath, body.gridId);
      if (!grid) throw new DomainError('EVENT_GRID_INVALID', { gridId: body.gridId });
      // One person, one record: the same document anywhere in the county is refused, without
      // saying where (that could be outside the caller's scope).
      if ((await repo.findByIdIndex(trx, doc.index)).length > 0) throw new DomainError('PERSON_DUPLICATE', { field: 'idNumber' });
      const now = iso();
      const row: NewPerson = {
        id: newId(),
        path: grid.path,
        grid_id: grid.id,
        name: body.name.trim(),
        gender: doc.gender ?? body.gender ?? null,
        ethnicity: body.ethnicity?.trim() || null,
        birth_date: doc.birthDate ?? body.birthDate ?? null,
        id_type: body.idType,
        id_sealed: doc.sealed,
        id_index: doc.index,
        id_masked: doc.masked,
        ...phone,
        hukou_place: body.hukouPlace?.trim() || null,
        address: body.address?.trim() || null,
        residence_status: body.residenceStatus,
        tags: JSON.stringify(body.tags ?? []),
        status: 'active',
        status_reason: null,
        version: 1,
        verified_at: null,
        verified_by: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPerson(trx, row);
      await repo.insertHistory(trx, { person_id: row.id, version: 1, action: 'created', reason: null, actor_id: session.user.id, actor_name: session.user.displayName, changes: JSON.stringify(toPersonView(row)), at: now });
      await audit.append(trx, actor, { action: 'person.created', objectType: 'person', objectId: row.id, orgPath: row.path, details: { after: { name: row.name, idNumber: row.id_masked, phone: row.phone_masked } } });
      return toPersonView(row);
    });
  }

  async function get(session: AuthenticatedSession, id: string): Promise<PersonView> {
    const row = await repo.findPersonInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return toPersonView(row);
  }

  /** The plain ID number and phone, for a role that may see them; every call is audited. */
  async function unmask(session: AuthenticatedSession, actor: AuditActor, id: string, purpose: string) {
    return db.kysely.transaction().execute(async (trx) => {
      const row = await repo.findPersonInScope(trx, session.user.orgPath, id);
      if (!row) throw new DomainError('NOT_FOUND');
      const crypto = ctx.fieldCrypto();
      await audit.append(trx, actor, { action: 'sensitive.unmasked', objectType: 'person', objectId: row.id, orgPath: row.path, details: { fields: ['idNumber', 'phone'], purpose } });
      return { id: row.id, name: row.name, idNumber: row.id_sealed ? crypto.open(row.id_sealed) : null, phone: row.phone_sealed ? crypto.open(row.phone_sealed) : null };
    });
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdatePersonBody): Promise<PersonView> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await repo.findPersonInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.version !== body.version) throw new DomainError('PERSON_CHANGED', { version: before.version });
      if ((body.status === 'moved_out' || body.status === 'deceased') && !body.reason?.trim()) throw new DomainError('PERSON_REASON_REQUIRED', { field: 'reason' });
      const changes: Partial<NewPerson> = {};
      if (body.gridId !== undefined && body.gridId !== before.grid_id) {
        const grid = await repo.findGridInScope(trx, session.user.orgPath, body.gridId);
        if (!grid) throw new DomainError('EVENT_GRID_INVALID', { gridId: body.gridId });
        Object.assign(changes, { grid_id: grid.id, path: grid.path });
      }
      if (body.name !== undefined) changes.name = body.name.trim();
      if (body.ethnicity !== undefined) changes.ethnicity = body.ethnicity.trim() || null;
      if (body.phone !== undefined) Object.assign(changes, phoneColumns(body.phone));
      if (body.hukouPlace !== undefined) changes.hukou_place = body.hukouPlace.trim() || null;
      if (body.address !== undefined) changes.address = body.address.trim() || null;
      if (body.residenceStatus !== undefined) changes.residence_status = body.residenceStatus;
      if (body.tags !== undefined) changes.tags = JSON.stringify(body.tags);
      if (body.status !== undefined) Object.assign(changes, { status: body.status, status_reason: body.reason?.trim() || null });
      const now = iso();
      const after: NewPerson = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await repo.updatePerson(trx, id, before.version, { ...changes, version: after.version, updated_at: now }))) throw new DomainError('PERSON_CHANGED', { version: before.version });
      const beforeView = toPersonView(before);
      const afterView = toPersonView(after);
      const diff = Object.fromEntries(
        (Object.keys(afterView) as (keyof PersonView)[])
          .filter((key) => key !== 'version' && key !== 'updatedAt' && JSON.stringify(beforeView[key]) !== JSON.stringify(afterView[key]))
          .map((key) => [key, [beforeView[key], afterView[key]]]),
      );
      await repo.insertHistory(trx, { person_id: id, version: after.version, action: body.status && body.status !== before.status ? body.status : 'updated', reason: body.reason?.trim() || null, actor_id: session.user.id, actor_name: session.user.displayName, changes: JSON.stringify(diff), at: now });
      await audit.append(trx, actor, { action: 'person.updated', objectType: 'person', objectId: id, orgPath: after.path, details: { changes: diff, reason: body.reason ?? null } });
      return afterView;
    });
  }

  async function history(session: AuthenticatedSession, id: string) {
    const row = await repo.findPersonInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return (await repo.historyOf(db.kysely, id)).map((entry) => ({
      version: entry.version,
      action: entry.action,
      reason: entry.reason,
      actor: entry.actor_name,
      changes: JSON.parse(entry.changes) as Record<string, unknown>,
      at: entry.at,
    }));
  }

  async function list(session: AuthenticatedSession, query: PersonListQuery) {
    const limit = query.limit ?? 20;
    const crypto = query.idNumber || query.phone ? ctx.fieldCrypto() : null;
    const filters: repo.PersonFilters = {
      ...(query.name ? { namePrefix: query.name.trim() } : {}),
      ...(query.nameContains ? { nameContains: query.nameContains.trim() } : {}),
      ...(query.gridId ? { gridId: query.gridId } : {}),
      ...(query.residenceStatus ? { residenceStatus: query.residenceStatus } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.after ? { beforeId: query.after } : {}),
    };
    if (query.idNumber && crypto) {
      const parsed = parseIdNumber(query.idNumber, shanghaiDate(clock()));
      Object.assign(filters, { idIndex: parsed.ok ? crypto.blindIndex('id_number', parsed.value) : crypto.blindIndex('id_other', normaliseDocumentText(query.idNumber)) });
    }
    if (query.phone && crypto) {
      const parsed = parsePhone(query.phone);
      if (!parsed.ok) throw new DomainError('PHONE_INVALID', { field: 'phone', problem: parsed.problem });
      Object.assign(filters, { phoneIndex: crypto.blindIndex('phone', parsed.value) });
    }
    if (query.villageId) {
      const village = await repo.findUnitInScope(db.kysely, session.user.orgPath, query.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      Object.assign(filters, { pathPrefix: village.path });
    }
    const rows = await repo.listPersonsQuery(db.kysely, session.user.orgPath, filters, limit + 1).execute();
    const page = rows.slice(0, limit);
    return { items: page.map(toPersonView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  /** The villages and grids of the caller's scope, for the template's lists. */
  async function templatePlaces(session: AuthenticatedSession): Promise<TemplatePlace[]> {
    const units = await repo.placesInScope(db.kysely, session.user.orgPath);
    const villages = new Map(units.filter((unit) => unit.kind !== 'grid').map((unit) => [unit.id, unit]));
    return units
      .filter((unit) => unit.kind === 'grid' && unit.parent_id !== null && villages.has(unit.parent_id))
      .map((grid) => {
        const village = villages.get(grid.parent_id!)!;
        return { villageCode: village.code, villageName: village.name, gridCode: grid.code, gridName: grid.name };
      })
      .sort((a, b) => `${a.villageCode}${a.gridCode}`.localeCompare(`${b.villageCode}${b.gridCode}`));
  }

  /**
   * The people of a filtered list as workbook rows, a page at a time. Plain documents need the
   * unmask permission (checked by the route); every export is on the audit trail with its filter.
   */
  async function exportRows(session: AuthenticatedSession, actor: AuditActor, query: PersonExportQuery, locale: Locale) {
    const filters: repo.PersonFilters = {
      ...(query.name ? { namePrefix: query.name.trim() } : {}),
      ...(query.nameContains ? { nameContains: query.nameContains.trim() } : {}),
      ...(query.gridId ? { gridId: query.gridId } : {}),
      ...(query.residenceStatus ? { residenceStatus: query.residenceStatus } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    if (query.villageId) {
      const village = await repo.findUnitInScope(db.kysely, session.user.orgPath, query.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      Object.assign(filters, { pathPrefix: village.path });
    }
    const plain = query.plain === true;
    await audit.appendAlone(actor, { action: 'registry.exported', objectType: 'person', orgPath: session.user.orgPath, details: { filters: query, plain } });
    const crypto = plain ? ctx.fieldCrypto() : null;
    async function* pages() {
      let beforeId: string | undefined;
      for (;;) {
        const rows = await repo.personsPage(db.kysely, session.user.orgPath, { ...filters, ...(beforeId ? { beforeId } : {}) }, 1000);
        yield rows.map((row) =>
          personCells(row, locale, crypto ? { idNumber: row.id_sealed ? crypto.open(row.id_sealed) : null, phone: row.phone_sealed ? crypto.open(row.phone_sealed) : null } : null),
        );
        if (rows.length < 1000) return;
        beforeId = rows.at(-1)!.id;
      }
    }
    return pages();
  }

  return { create, get, unmask, update, history, list, templatePlaces, exportRows };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
