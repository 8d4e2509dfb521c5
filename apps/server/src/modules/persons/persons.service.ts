// The registry's people: registered in a grid within the caller's scope, ID numbers checked by
// their check digit, ID numbers and phones sealed at rest and masked in every answer; the
// plain values only through unmask, which is audited. Nothing is deleted: moving out and death
// are changes with a reason, and every change is kept with its before and after.
import {
  DomainError,
  ancestorPaths,
  orgPathDepth,
  percentOf,
  reverifyCutoffs,
  isKeyPerson,
  maskIdNumber,
  maskPhone,
  newId,
  normaliseDocumentText,
  parseIdNumber,
  parsePhone,
  shanghaiDate,
  type CreatePersonBody,
  type Locale,
  type PersonDueQuery,
  type QualityQuery,
  type QualityRow,
  type RecordKind,
  type VerifyPersonBody,
  type ResidenceStatus,
  type PersonExportQuery,
  type PersonListQuery,
  type PersonView,
  type UpdatePersonBody,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../../db/schema.js';
import type { NewPerson } from '../../db/tables/person.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { recordQualityByPath } from '../records/records.repo.js';
import { reverifyDaysOf } from '../settings/settings.service.js';
import * as repo from './persons.repo.js';
import { syncVisitSchedules } from '../visits/visit-schedules.service.js';
import { appliedBefore, insertVerificationKey, verifyOnce } from './verification-keys.js';
import { personCells, type TemplatePlace } from './persons.workbook.js';

/** The fields that differ between two states, `[before, after]` each, as history keeps them (masked). */
export function changesBetween(before: NewPerson, after: NewPerson): Record<string, [unknown, unknown]> {
  const beforeView = toPersonView(before);
  const afterView = toPersonView(after);
  return Object.fromEntries(
    (Object.keys(afterView) as (keyof PersonView)[])
      .filter((key) => key !== 'version' && key !== 'updatedAt' && JSON.stringify(beforeView[key]) !== JSON.stringify(afterView[key]))
      .map((key) => [key, [beforeView[key], afterView[key]]]),
  );
}

/** The list filters a query names (scope and keyset aside). */
function filtersOf(query: Pick<PersonListQuery, 'name' | 'nameContains' | 'gridId' | 'residenceStatus' | 'status'>): repo.PersonFilters {
  return {
    ...(query.name ? { namePrefix: query.name.trim() } : {}),
    ...(query.nameContains ? { nameContains: query.nameContains.trim() } : {}),
    ...(query.gridId ? { gridId: query.gridId } : {}),
    ...(query.residenceStatus ? { residenceStatus: query.residenceStatus } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
}

/** 1 for the key groups that are verified more often. */
export function keyGroupOf(residenceStatus: ResidenceStatus, tags: readonly string[]): 0 | 1 {
  return isKeyPerson({ residenceStatus, tags }) ? 1 : 0;
}

/** The keyset of a name search: the last name and id of the page, base64url, opaque to clients. */
function nameCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function readNameCursor(cursor: string): { name: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') return { name: value[0], id: value[1] };
  } catch {
    // Not one of ours: refused below.
  }
  throw new DomainError('VALIDATION_FAILED', { field: 'after', summary: 'after' });
}

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

/** The villages and grids of a scope, as a template lists them for the drop-downs. */
export async function templatePlacesOf(db: Executor, scopePath: string): Promise<TemplatePlace[]> {
  const units = await repo.placesInScope(db, scopePath);
  const villages = new Map(units.filter((unit) => unit.kind !== 'grid').map((unit) => [unit.id, unit]));
  return units
    .filter((unit) => unit.kind === 'grid' && unit.parent_id !== null && villages.has(unit.parent_id))
    .map((grid) => {
      const village = villages.get(grid.parent_id!)!;
      return { villageCode: village.code, villageName: village.name, gridCode: grid.code, gridName: grid.name };
    })
    .sort((a, b) => `${a.villageCode}${a.gridCode}`.localeCompare(`${b.villageCode}${b.gridCode}`));
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

  /** A registration; inside `within` (e.g. a floating arrival's transaction: the person goes with it or not at all) when given. */
  async function create(session: AuthenticatedSession, actor: AuditActor, body: CreatePersonBody, within?: Transaction<Database>): Promise<PersonView> {
    const doc = document(body.idType, body.idNumber);
    const phone = phoneColumns(body.phone);
    const register = async (trx: Transaction<Database>) => {
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
        key_group: keyGroupOf(body.residenceStatus, body.tags ?? []),
        status: 'active',
        status_reason: null,
        version: 1,
        verified_at: null,
        verified_by: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertPerson(trx, row);
      // A tagged person (left-behind, alone …) is visited from the day they are registered.
      if ((body.tags ?? []).length > 0) await syncVisitSchedules(ctx, trx, [row.id]);
      await repo.insertHistory(trx, { person_id: row.id, version: 1, action: 'created', reason: null, actor_id: session.user.id, actor_name: session.user.displayName, changes: JSON.stringify(toPersonView(row)), at: now });
      await audit.append(trx, actor, { action: 'person.created', objectType: 'person', objectId: row.id, orgPath: row.path, details: { after: { name: row.name, idNumber: row.id_masked, phone: row.phone_masked } } });
      return toPersonView(row);
    };
    return within ? register(within) : db.kysely.transaction().execute(register);
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

  /** A change; inside `within` (a verification's transaction: its corrections go with it or not at all) when given. */
  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdatePersonBody, within?: Transaction<Database>): Promise<PersonView> {
    const change = async (trx: Transaction<Database>) => {
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
      const keyGroup = keyGroupOf(changes.residence_status ?? before.residence_status, JSON.parse(changes.tags ?? before.tags) as string[]);
      if (keyGroup !== before.key_group) changes.key_group = keyGroup;
      const after: NewPerson = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await repo.updatePerson(trx, id, before.version, { ...changes, version: after.version, updated_at: now }))) throw new DomainError('PERSON_CHANGED', { version: before.version });
      // Tags, grid and status decide which visits are due and in whose list: rescheduled in this transaction.
      if (changes.tags !== undefined || changes.path !== undefined || changes.status !== undefined) await syncVisitSchedules(ctx, trx, [id]);
      const afterView = toPersonView(after);
      const diff = changesBetween(before, after);
      await repo.insertHistory(trx, { person_id: id, version: after.version, action: body.status && body.status !== before.status ? body.status : 'updated', reason: body.reason?.trim() || null, actor_id: session.user.id, actor_name: session.user.displayName, changes: JSON.stringify(diff), at: now });
      await audit.append(trx, actor, { action: 'person.updated', objectType: 'person', objectId: id, orgPath: after.path, details: { changes: diff, reason: body.reason ?? null } });
      return afterView;
    };
    return within ? change(within) : db.kysely.transaction().execute(change);
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
      ...filtersOf(query),
      ...(query.after && !query.name ? { beforeId: query.after } : {}),
      ...(query.after && query.name ? { afterName: readNameCursor(query.after) } : {}),
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
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? (query.name ? nameCursor(last.name, last.id) : last.id) : null;
    return { items: page.map(toPersonView), nextCursor };
  }

  /** The villages and grids of the caller's scope, for the template's lists. */
  async function templatePlaces(session: AuthenticatedSession): Promise<TemplatePlace[]> {
    return templatePlacesOf(db.kysely, session.user.orgPath);
  }

  /**
   * The people of a filtered list as workbook rows, a page at a time. Plain documents need the
   * unmask permission (checked by the route); every export is on the audit trail with its filter.
   */
  async function exportRows(session: AuthenticatedSession, actor: AuditActor, query: PersonExportQuery, locale: Locale) {
    const filters = filtersOf(query);
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

  /**
   * A grid worker's verification (复核): the record confirmed as it stands, or corrected. Either
   * way the record shows when and by whom; a correction is a change with history like any other.
   */
  async function verify(session: AuthenticatedSession, actor: AuditActor, id: string, body: VerifyPersonBody): Promise<PersonView> {
    if (body.outcome === 'corrected' && !body.corrections) throw new DomainError('VALIDATION_FAILED', { field: 'corrections', summary: 'corrections' });
    const corrected = body.outcome === 'corrected' && body.corrections ? body.corrections : null;
    const current = async () => {
      const row = await repo.findPersonInScope(db.kysely, session.user.orgPath, id);
      if (!row) throw new DomainError('NOT_FOUND');
      return toPersonView(row);
    };
    return verifyOnce(db.kysely, session, id, body.clientKey, () => db.kysely.transaction().execute(async (trx) => {
      // A repeat of a verification that landed (its answer lost): the person as they are now.
      if (body.clientKey && (await appliedBefore(trx, session, id, body.clientKey))) {
        const row = await repo.findPersonInScope(trx, session.user.orgPath, id);
        if (!row) throw new DomainError('NOT_FOUND');
        return toPersonView(row);
      }
      if (corrected) await update(session, actor, id, { version: body.version, ...corrected, reason: '复核更正' }, trx);
      const row = await repo.findPersonInScope(trx, session.user.orgPath, id);
      if (!row) throw new DomainError('NOT_FOUND');
      if (!corrected && row.version !== body.version) throw new DomainError('PERSON_CHANGED', { version: row.version });
      const now = iso();
      if (!(await repo.updatePerson(trx, id, row.version, { verified_at: now, verified_by: session.user.id }))) throw new DomainError('PERSON_CHANGED', { version: row.version });
      await repo.insertVerification(trx, { id: newId(), person_id: id, path: row.path, outcome: body.outcome, corrected: JSON.stringify(corrected ? Object.keys(corrected) : []), actor_id: session.user.id, at: now });
      if (body.clientKey) await insertVerificationKey(trx, { client_key: body.clientKey, object_id: id, actor_id: session.user.id, at: now });
      await audit.append(trx, actor, { action: 'person.verified', objectType: 'person', objectId: id, orgPath: row.path, details: { outcome: body.outcome, corrected: corrected ? Object.keys(corrected) : [] } });
      return toPersonView({ ...row, verified_at: now, verified_by: session.user.id });
    }), current);
  }

  /** Who is due for verification: in the worker's own grids (or a grid asked for), oldest first. */
  async function due(session: AuthenticatedSession, query: PersonDueQuery) {
    let gridIds: string[] | null = null;
    if (query.gridId) {
      if (!(await repo.findGridInScope(db.kysely, session.user.orgPath, query.gridId))) throw new DomainError('NOT_FOUND');
      gridIds = [query.gridId];
    } else if (session.user.role === 'grid_worker_fulltime' || session.user.role === 'grid_worker_parttime') {
      gridIds = await repo.gridsOfWorker(db.kysely, session.user.id);
    }
    const cutoffs = reverifyCutoffs(clock(), await reverifyDaysOf(ctx));
    const rows = await repo.duePersons(db.kysely, session.user.orgPath, gridIds, { normal: cutoffs.person, key: cutoffs.person_key }, query.limit ?? 50);
    return { items: rows.map(toPersonView) };
  }

  /**
   * The data-quality report of the caller's scope (or one village in it): per grid, village and
   * township, completeness of the fields, validity, possible duplicates, staleness, and the
   * accuracy measured by the last year's verifications.
   */
  async function quality(session: AuthenticatedSession, query: QualityQuery): Promise<QualityRow[]> {
    let scope = session.user.orgPath;
    if (query.villageId) {
      const village = await repo.findUnitInScope(db.kysely, scope, query.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      scope = village.path;
    }
    const now = clock();
    const cutoffs = reverifyCutoffs(now, await reverifyDaysOf(ctx));
    const [counts, duplicates, verifications, records] = await Promise.all([
      repo.qualityByPath(db.kysely, scope, shanghaiDate(now), { normal: cutoffs.person, key: cutoffs.person_key }),
      repo.possibleDuplicates(db.kysely, scope),
      repo.verificationsByPath(db.kysely, scope, new Date(now - 365 * 24 * 3600 * 1000).toISOString()),
      recordQualityByPath(db.kysely, scope, cutoffs),
    ]);
    type Totals = Record<'people' | 'phone' | 'address' | 'hukou' | 'ethnicity' | 'complete' | 'invalid' | 'overdue' | 'duplicates' | 'verifications' | 'confirmed' | RecordKind | 'recordsOverdue', number>;
    const totals = new Map<string, Totals>();
    const add = (path: string, values: Partial<Totals>) => {
      // A row counts for its grid, its village and its township: every ancestor at or below the county.
      for (const unit of ancestorPaths(path).filter((candidate) => orgPathDepth(candidate) >= 2)) {
        const total = totals.get(unit) ?? { people: 0, phone: 0, address: 0, hukou: 0, ethnicity: 0, complete: 0, invalid: 0, overdue: 0, duplicates: 0, verifications: 0, confirmed: 0, household: 0, house: 0, organisation: 0, place: 0, facility: 0, recordsOverdue: 0 };
        for (const [key, value] of Object.entries(values) as [keyof typeof total, number][]) total[key] += Number(value);
        totals.set(unit, total);
      }
    };
    for (const row of counts) {
      add(row.path, { people: row.people, phone: row.with_phone, address: row.with_address, hukou: row.with_hukou, ethnicity: row.with_ethnicity, complete: row.complete, invalid: row.invalid, overdue: row.overdue });
    }
    for (const row of duplicates) add(row.path, { duplicates: 1 });
    for (const row of verifications) add(row.path, { verifications: row.total, confirmed: row.confirmed });
    for (const row of records) add(row.path, { [row.kind]: row.records, recordsOverdue: row.overdue });
    const inScope = [...totals.keys()].filter((path) => path.startsWith(scope) || scope.startsWith(path)).filter((path) => orgPathDepth(path) >= orgPathDepth(scope));
    const units = new Map((await repo.unitsByPaths(db.kysely, inScope)).map((unit) => [unit.path, unit]));
    const levelOf = (path: string): QualityRow['level'] => (orgPathDepth(path) === 2 ? 'township' : orgPathDepth(path) === 3 ? 'village' : 'grid');
    return inScope
      .sort()
      .map((path) => {
        const total = totals.get(path)!;
        return {
          level: levelOf(path),
          path,
          name: units.get(path)?.name ?? path,
          people: total.people,
          completeness: {
            phone: percentOf(total.phone, total.people),
            address: percentOf(total.address, total.people),
            hukouPlace: percentOf(total.hukou, total.people),
            ethnicity: percentOf(total.ethnicity, total.people),
            all: percentOf(total.complete, total.people),
          },
          invalid: total.invalid,
          possibleDuplicates: total.duplicates,
          overdue: total.overdue,
          verifications: total.verifications,
          accuracy: percentOf(total.confirmed, total.verifications),
          records: { household: total.household, house: total.house, organisation: total.organisation, place: total.place, facility: total.facility },
          recordsOverdue: total.recordsOverdue,
        };
      });
  }

  return { create, get, unmask, update, history, list, templatePlaces, exportRows, verify, due, quality };
}

export type PersonsService = ReturnType<typeof createPersonsService>;
