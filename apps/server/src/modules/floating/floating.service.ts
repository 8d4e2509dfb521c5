// The floating population (流动人口): an arrival registers where someone came from, why, where
// they live and their residence permit, makes them `floating` and, with a house, its tenant; a
// departure ends the stay, the tenancy and the person's residence here. Both come from phones
// that retry, so each carries a client key and a retry answers the first result. A person new to
// the registry is created by the persons service inside the arrival's own transaction.
import {
  DomainError,
  daysAfter,
  canonicalDivisionCode,
  isKnownDivision,
  maskIdNumber,
  newId,
  normaliseDocumentText,
  shanghaiDate,
  type ArrivalBody,
  type DepartureBody,
  type FloatingListQuery,
  type FloatingRegistration,
  type ResidencePermitBody,
  type UpdateFloatingBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { NewFloatingRegistration } from '../../db/tables/floating.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { findPersonInScope } from '../persons/persons.repo.js';
import { createPersonsService } from '../persons/persons.service.js';
import { membersOf, recordInScope, replaceMembers } from '../records/records.repo.js';
import { toFloatingView } from './floating.mapper.js';
import * as repo from './floating.repo.js';

/** A division code as stored (its short form), or a 422 naming the field. */
function divisionOf(field: string, code: string): string {
  const canonical = canonicalDivisionCode(code);
  if (canonical === null || !isKnownDivision(canonical)) throw new DomainError('DIVISION_UNKNOWN', { field, code });
  return canonical;
}

/** The scope a query narrows to: a unit within the caller's scope, else 404. */
async function narrowedScope(db: Executor, scope: string, orgPath: string | undefined): Promise<string> {
  if (!orgPath || orgPath === scope || scope.startsWith(orgPath)) return scope;
  if (!orgPath.startsWith(scope) || !(await repo.unitAtPath(db, scope, orgPath))) throw new DomainError('NOT_FOUND', { orgPath });
  return orgPath;
}

export function createFloatingService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  // A new person, or a change of residence, is written in the arrival's (or departure's) own transaction.
  const persons = createPersonsService(ctx);
  const iso = () => new Date(clock()).toISOString();

  /** A keyed hash of a request: a retry matches it, another payload under the same key does not (and holds no plain ID number). */
  const requestHash = (kind: string, body: unknown) => ctx.fieldCrypto().blindIndex(kind, JSON.stringify(body));

  function permitColumns(permit: ResidencePermitBody, keep: Pick<NewFloatingRegistration, 'permit_sealed' | 'permit_masked'> | null) {
    if (permit.expiresOn < permit.issuedOn) throw new DomainError('FLOATING_DATE_ORDER', { field: 'residencePermit.expiresOn' });
    const number = permit.number ? normaliseDocumentText(permit.number) : null;
    if (permit.number !== undefined && (!number || number.length < 4)) throw new DomainError('VALIDATION_FAILED', { field: 'residencePermit.number', summary: 'residencePermit.number' });
    return {
      permit_sealed: number ? ctx.fieldCrypto().seal(number) : (keep?.permit_sealed ?? null),
      permit_masked: number ? maskIdNumber(number) : (keep?.permit_masked ?? null),
      permit_issued_on: permit.issuedOn,
      permit_expires_on: permit.expiresOn,
    };
  }

  /** Views of rows, with names looked up once for the whole page. */
  async function describe(executor: Executor, rows: readonly NewFloatingRegistration[]): Promise<FloatingRegistration[]> {
    const houseIds = [...new Set(rows.flatMap((row) => (row.house_id ? [row.house_id] : [])))];
    const [people, grids, houses, owners] = await Promise.all([
      repo.personNames(executor, [...new Set(rows.map((row) => row.person_id))]),
      repo.unitNames(executor, [...new Set(rows.flatMap((row) => (row.grid_id ? [row.grid_id] : [])))]),
      repo.housesByIds(executor, houseIds),
      repo.ownersOfHouses(executor, houseIds),
    ]);
    const ownerOf = new Map<string, { id: string; name: string }>();
    for (const owner of owners) if (!ownerOf.has(owner.record_id)) ownerOf.set(owner.record_id, { id: owner.id, name: owner.name });
    const lookups = {
      personNames: new Map(people.map((person) => [person.id, person.name])),
      gridNames: new Map(grids.map((grid) => [grid.id, grid.name])),
      houses: new Map(houses.map((house) => [house.id, { address: house.address, name: house.name, contactName: house.contact_name }])),
      owners: ownerOf,
    };
    return rows.map((row) => toFloatingView(row, lookups));
  }

  async function describeOne(executor: Executor, row: NewFloatingRegistration): Promise<FloatingRegistration> {
    const [view] = await describe(executor, [row]);
    if (!view) throw new DomainError('NOT_FOUND');
    return view;
  }

  /** The first answer to a client key, if the caller sent it before with the same request. */
  async function replayed(session: AuthenticatedSession, row: NewFloatingRegistration | undefined, hash: string, storedHash: (row: NewFloatingRegistration) => string | null, clientKey: string) {
    if (!row) return null;
    if (storedHash(row) !== hash || !(await repo.registrationInScope(db.kysely, session.user.orgPath, row.id))) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey });
    return describeOne(db.kysely, row);
  }

  /** Adds or changes one member of a house, keeping the others and their dates. */
  async function setHouseMember(trx: Executor, houseId: string, personId: string, relation: string | null, now: string) {
    const members = await membersOf(trx, houseId);
    const others = members.filter((member) => member.person_id !== personId);
    const own = members.find((member) => member.person_id === personId);
    // An owner living in their own house stays its owner.
    if (relation !== null && own?.relation === 'owner') return;
    if (relation === null && (!own || own.relation === 'owner')) return;
    const kept = others.map((member) => ({ record_id: houseId, person_id: member.person_id, relation: member.relation, since: member.since }));
    await replaceMembers(trx, houseId, relation === null ? kept : [...kept, { record_id: houseId, person_id: personId, relation, since: own?.since ?? now }]);
  }

  async function arrive(session: AuthenticatedSession, actor: AuditActor, body: ArrivalBody): Promise<{ registration: FloatingRegistration; created: boolean }> {
    const hash = requestHash('floating_arrival', body);
    const first = await replayed(session, await repo.registrationByClientKey(db.kysely, body.clientKey), hash, (row) => row.request_hash, body.clientKey);
    if (first) return { registration: first, created: false };
    if ((body.personId === undefined) === (body.person === undefined)) throw new DomainError('VALIDATION_FAILED', { field: 'person', summary: 'personId | person' });
    const originCode = divisionOf('originCode', body.originCode);
    const today = shanghaiDate(clock());
    if (body.arrivedOn > today) throw new DomainError('FLOATING_DATE_IN_FUTURE', { field: 'arrivedOn' });
    if (body.expectedStayUntil && body.expectedStayUntil < body.arrivedOn) throw new DomainError('FLOATING_DATE_ORDER', { field: 'expectedStayUntil' });
    const permit = body.residencePermit ? permitColumns(body.residencePermit, null) : null;
    const scope = session.user.orgPath;
    try {
      return await db.write(async (trx) => {
        let personId: string;
        if (body.person) {
          personId = (await persons.create(session, actor, { ...body.person, residenceStatus: 'floating' }, trx)).id;
        } else {
          personId = body.personId ?? '';
          const person = await findPersonInScope(trx, scope, personId);
          if (!person) throw new DomainError('NOT_FOUND', { personId });
          if (await repo.presentRegistrationOf(trx, personId)) throw new DomainError('FLOATING_ALREADY_PRESENT', { field: 'personId' });
          const back = person.status === 'moved_out';
          if (back || person.residence_status !== 'floating') {
            await persons.update(session, actor, personId, { version: person.version, residenceStatus: 'floating', ...(back ? { status: 'active', reason: '流动人口来登记' } : {}) }, trx);
          }
        }
        const person = await findPersonInScope(trx, scope, personId);
        if (!person) throw new DomainError('NOT_FOUND', { personId });
        const house = body.houseId ? await recordInScope(trx, 'house', scope, body.houseId) : null;
        if (body.houseId && !house) throw new DomainError('NOT_FOUND', { houseId: body.houseId });
        const now = iso();
        const row: NewFloatingRegistration = {
          id: newId(),
          client_key: body.clientKey,
          request_hash: hash,
          departure_client_key: null,
          departure_hash: null,
          person_id: personId,
          path: person.path,
          grid_id: person.grid_id,
          origin_code: originCode,
          reason: body.reason,
          expected_stay_until: body.expectedStayUntil ?? null,
          arrived_on: body.arrivedOn,
          house_id: house?.id ?? null,
          is_rental: house?.category === 'rental' ? 1 : 0,
          employer: body.employer?.trim() || null,
          permit_sealed: permit?.permit_sealed ?? null,
          permit_masked: permit?.permit_masked ?? null,
          permit_issued_on: permit?.permit_issued_on ?? null,
          permit_expires_on: permit?.permit_expires_on ?? null,
          status: 'present',
          departed_on: null,
          destination_code: null,
          destination_text: null,
          version: 1,
          created_by: session.user.id,
          created_at: now,
          updated_at: now,
        };
        await repo.insertRegistration(trx, row);
        if (house) await setHouseMember(trx, house.id, personId, 'tenant', now);
        await audit.append(trx, actor, {
          action: 'floating.arrived',
          objectType: 'floating_registration',
          objectId: row.id,
          orgPath: row.path,
          details: { personId, originCode, reason: row.reason, arrivedOn: row.arrived_on, houseId: row.house_id, newPerson: body.person !== undefined },
        });
        return { registration: await describeOne(trx, row), created: true };
      });
    } catch (error) {
      // Two copies of one retry raced: the loser answers with the winner's registration.
      const raced = error instanceof DomainError ? null : await repo.registrationByClientKey(db.kysely, body.clientKey);
      if (raced) return { registration: (await replayed(session, raced, hash, (row) => row.request_hash, body.clientKey))!, created: false };
      throw error;
    }
  }

  async function depart(session: AuthenticatedSession, actor: AuditActor, body: DepartureBody): Promise<FloatingRegistration> {
    const hash = requestHash('floating_departure', body);
    const first = await replayed(session, await repo.registrationByDepartureKey(db.kysely, body.clientKey), hash, (row) => row.departure_hash, body.clientKey);
    if (first) return first;
    const destinationCode = body.destinationCode ? divisionOf('destinationCode', body.destinationCode) : null;
    if (body.departedOn > shanghaiDate(clock())) throw new DomainError('FLOATING_DATE_IN_FUTURE', { field: 'departedOn' });
    const scope = session.user.orgPath;
    try {
      return await db.write(async (trx) => {
        const person = await findPersonInScope(trx, scope, body.personId);
        if (!person) throw new DomainError('NOT_FOUND', { personId: body.personId });
        const before = await repo.presentRegistrationOf(trx, body.personId);
        if (!before) throw new DomainError('FLOATING_NOT_ARRIVED', { field: 'personId' });
        if (body.departedOn < before.arrived_on) throw new DomainError('FLOATING_DATE_ORDER', { field: 'departedOn' });
        const now = iso();
        const changes: Partial<NewFloatingRegistration> = {
          status: 'departed',
          departed_on: body.departedOn,
          destination_code: destinationCode,
          destination_text: body.destinationText?.trim() || null,
          departure_client_key: body.clientKey,
          departure_hash: hash,
          version: before.version + 1,
          updated_at: now,
        };
        if (!(await repo.updateRegistration(trx, before.id, before.version, changes))) throw new DomainError('RECORD_CHANGED', { version: before.version });
        if (before.house_id) await setHouseMember(trx, before.house_id, body.personId, null, now);
        if (person.status === 'active') {
          await persons.update(session, actor, body.personId, { version: person.version, status: 'moved_out', reason: '流动人口离开' }, trx);
        }
        const after = { ...before, ...changes };
        await audit.append(trx, actor, {
          action: 'floating.departed',
          objectType: 'floating_registration',
          objectId: before.id,
          orgPath: before.path,
          details: { personId: body.personId, departedOn: body.departedOn, destinationCode, houseId: before.house_id },
        });
        return describeOne(trx, after);
      });
    } catch (error) {
      const raced = error instanceof DomainError ? null : await repo.registrationByDepartureKey(db.kysely, body.clientKey);
      if (raced) return (await replayed(session, raced, hash, (row) => row.departure_hash, body.clientKey))!;
      throw error;
    }
  }

  async function get(session: AuthenticatedSession, id: string): Promise<FloatingRegistration> {
    const row = await repo.registrationInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return describeOne(db.kysely, row);
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateFloatingBody): Promise<FloatingRegistration> {
    return db.kysely.transaction().execute(async (trx) => {
      const before = await repo.registrationInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const changes: Partial<NewFloatingRegistration> = {};
      if (body.residencePermit === null) Object.assign(changes, { permit_sealed: null, permit_masked: null, permit_issued_on: null, permit_expires_on: null });
      else if (body.residencePermit) Object.assign(changes, permitColumns(body.residencePermit, before));
      if (body.employer !== undefined) changes.employer = body.employer.trim() || null;
      if (body.expectedStayUntil !== undefined) {
        if (body.expectedStayUntil !== null && body.expectedStayUntil < before.arrived_on) throw new DomainError('FLOATING_DATE_ORDER', { field: 'expectedStayUntil' });
        changes.expected_stay_until = body.expectedStayUntil;
      }
      const now = iso();
      const after: NewFloatingRegistration = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await repo.updateRegistration(trx, id, before.version, { ...changes, version: after.version, updated_at: now }))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const fields = Object.keys(body).filter((key) => key !== 'version');
      await audit.append(trx, actor, { action: 'floating.updated', objectType: 'floating_registration', objectId: id, orgPath: before.path, details: { fields, permitExpiresOn: [before.permit_expires_on, after.permit_expires_on] } });
      return describeOne(trx, after);
    });
  }

  async function list(session: AuthenticatedSession, query: FloatingListQuery) {
    const limit = query.limit ?? 20;
    const scope = await narrowedScope(db.kysely, session.user.orgPath, query.orgPath);
    const cursor = query.cursor ?? query.after;
    const filters: repo.FloatingFilters = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.q?.trim() ? { nameContains: query.q.trim() } : {}),
      ...(query.permitExpiringWithinDays !== undefined ? { permitExpiresBy: daysAfter(shanghaiDate(clock()), query.permitExpiringWithinDays) } : {}),
      ...(cursor ? { beforeId: cursor } : {}),
    };
    const rows = await repo.listRegistrations(db.kysely, scope, filters, limit + 1);
    const page = rows.slice(0, limit);
    return { items: await describe(db.kysely, page), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  return { arrive, depart, get, update, list, describe, narrowedScope: (session: AuthenticatedSession, orgPath: string | undefined) => narrowedScope(db.kysely, session.user.orgPath, orgPath) };
}

export type FloatingService = ReturnType<typeof createFloatingService>;
