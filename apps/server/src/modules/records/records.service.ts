// Households, houses, organisations, places and facilities: registered in a grid within the
// caller's scope, a credit code checked by its GB 32100 check character, a contact phone sealed
// and masked, every change kept with its before and after, nothing deleted (closing, dissolving,
// demolishing or removing is a change of state with a reason). Households and houses link the
// people who belong to them.
import {
  DomainError,
  ENDING_STATES,
  RECORD_KIND_DEFINITIONS,
  maskPhone,
  newId,
  parseCreditCode,
  parsePhone,
  reverifyCutoffs,
  type Locale,
  type RecordBody,
  type RecordExportQuery,
  type RecordKind,
  type RecordListQuery,
  type RecordUpdateBody,
  type RecordView,
  type VerifyRecordBody,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { NewRegistryRecord } from '../../db/tables/registry-record.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { findGridInScope, findUnitInScope, gridsOfWorker } from '../persons/persons.repo.js';
import { reverifyDaysOf } from '../settings/settings.service.js';
import { templatePlacesOf } from '../persons/persons.service.js';
import { recordsPage } from './records.import.repo.js';
import * as repo from './records.repo.js';
import { appliedBefore, insertVerificationKey, verifyOnce } from '../persons/verification-keys.js';
import { recordCells } from './records.workbook.js';

interface Attributes {
  legalRepresentative?: string | null;
  staffCount?: number | null;
}

export function toRecordView(row: NewRegistryRecord, members: number): RecordView {
  const attributes = JSON.parse(row.attributes) as Attributes;
  return {
    id: row.id,
    kind: row.kind,
    path: row.path,
    gridId: row.grid_id,
    name: row.name,
    address: row.address,
    category: row.category,
    state: row.state,
    stateReason: row.state_reason,
    key: row.record_key,
    lon: row.lon,
    lat: row.lat,
    contactName: row.contact_name,
    contactPhone: row.contact_masked,
    ...(row.kind === 'organisation' ? { legalRepresentative: attributes.legalRepresentative ?? null, staffCount: attributes.staffCount ?? null } : {}),
    members,
    version: row.version,
    verifiedAt: row.verified_at,
    updatedAt: row.updated_at,
  };
}

export function createRecordsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  /** A key as stored: a credit code checked and canonical, other keys trimmed. */
  function keyOf(kind: RecordKind, text: string | undefined): string | null {
    if (text === undefined) return null;
    if (kind !== 'organisation') return text.trim() || null;
    const parsed = parseCreditCode(text);
    if (!parsed.ok) throw new DomainError('CREDIT_CODE_INVALID', { field: 'key', problem: parsed.problem });
    return parsed.value;
  }

  function contactColumns(text: string | null | undefined) {
    if (!text) return { contact_sealed: null, contact_masked: null };
    const parsed = parsePhone(text);
    if (!parsed.ok) throw new DomainError('PHONE_INVALID', { field: 'contactPhone', problem: parsed.problem });
    return { contact_sealed: ctx.fieldCrypto().seal(parsed.value), contact_masked: maskPhone(parsed.value) };
  }

  async function create(kind: RecordKind, session: AuthenticatedSession, actor: AuditActor, body: RecordBody): Promise<RecordView> {
    const key = keyOf(kind, body.key);
    const contact = contactColumns(body.contactPhone);
    return db.kysely.transaction().execute(async (trx) => {
      const grid = await findGridInScope(trx, session.user.orgPath, body.gridId);
      if (!grid) throw new DomainError('EVENT_GRID_INVALID', { gridId: body.gridId });
      // Said without where: the record with that key may lie outside the caller's scope.
      if (key && (await repo.recordByKey(trx, kind, key))) throw new DomainError('RECORD_KEY_TAKEN', { field: 'key' });
      const now = iso();
      const row: NewRegistryRecord = {
        id: newId(),
        kind,
        path: grid.path,
        grid_id: grid.id,
        name: body.name.trim(),
        address: body.address?.trim() || null,
        category: body.category,
        state: 'active',
        state_reason: null,
        record_key: key,
        lon: body.lon ?? null,
        lat: body.lat ?? null,
        contact_name: body.contactName?.trim() || null,
        ...contact,
        attributes: JSON.stringify(kind === 'organisation' ? { legalRepresentative: body.legalRepresentative?.trim() || null, staffCount: body.staffCount ?? null } : {}),
        version: 1,
        verified_at: null,
        verified_by: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertRecord(trx, row);
      const view = toRecordView(row, 0);
      await repo.insertHistory(trx, { record_id: row.id, version: 1, action: 'created', reason: null, actor_id: session.user.id, actor_name: session.user.displayName, changes: JSON.stringify(view), at: now });
      await audit.append(trx, actor, { action: 'record.created', objectType: kind, objectId: row.id, orgPath: row.path, details: { name: row.name, category: row.category } });
      return view;
    });
  }

  async function get(kind: RecordKind, session: AuthenticatedSession, id: string): Promise<RecordView> {
    const row = await repo.recordInScope(db.kysely, kind, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return toRecordView(row, (await repo.memberCounts(db.kysely, [id])).get(id) ?? 0);
  }

  /** A change; inside `within` (a verification's transaction: its corrections go with it or not at all) when given. */
  async function update(kind: RecordKind, session: AuthenticatedSession, actor: AuditActor, id: string, body: RecordUpdateBody, within?: Transaction<Database>): Promise<RecordView> {
    const change = async (trx: Transaction<Database>) => {
      const before = await repo.recordInScope(trx, kind, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      if (body.state && body.state !== before.state && ENDING_STATES.includes(body.state) && !body.reason?.trim()) throw new DomainError('RECORD_END_REASON_REQUIRED', { field: 'reason' });
      const changes: Partial<NewRegistryRecord> = {};
      if (body.gridId !== undefined && body.gridId !== before.grid_id) {
        const grid = await findGridInScope(trx, session.user.orgPath, body.gridId);
        if (!grid) throw new DomainError('EVENT_GRID_INVALID', { gridId: body.gridId });
        Object.assign(changes, { grid_id: grid.id, path: grid.path });
      }
      if (body.key !== undefined) {
        const key = keyOf(kind, body.key);
        const holder = key ? await repo.recordByKey(trx, kind, key) : undefined;
        if (holder && holder.id !== id) throw new DomainError('RECORD_KEY_TAKEN', { field: 'key' });
        changes.record_key = key;
      }
      if (body.name !== undefined) changes.name = body.name.trim();
      if (body.address !== undefined) changes.address = body.address.trim() || null;
      if (body.category !== undefined) changes.category = body.category;
      if (body.state !== undefined) Object.assign(changes, { state: body.state, state_reason: body.reason?.trim() || null });
      if (body.lon !== undefined) changes.lon = body.lon;
      if (body.lat !== undefined) changes.lat = body.lat;
      if (body.contactName !== undefined) changes.contact_name = body.contactName.trim() || null;
      if (body.contactPhone !== undefined) Object.assign(changes, contactColumns(body.contactPhone));
      if (kind === 'organisation' && (body.legalRepresentative !== undefined || body.staffCount !== undefined)) {
        const attributes = JSON.parse(before.attributes) as Attributes;
        changes.attributes = JSON.stringify({ ...attributes, ...(body.legalRepresentative !== undefined ? { legalRepresentative: body.legalRepresentative.trim() || null } : {}), ...(body.staffCount !== undefined ? { staffCount: body.staffCount } : {}) });
      }
      const now = iso();
      const after: NewRegistryRecord = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await repo.updateRecord(trx, id, before.version, { ...changes, version: after.version, updated_at: now }))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      const members = (await repo.memberCounts(trx, [id])).get(id) ?? 0;
      const beforeView = toRecordView(before, members);
      const afterView = toRecordView(after, members);
      const diff = Object.fromEntries(
        (Object.keys(afterView) as (keyof RecordView)[])
          .filter((field) => field !== 'version' && field !== 'updatedAt' && JSON.stringify(beforeView[field]) !== JSON.stringify(afterView[field]))
          .map((field) => [field, [beforeView[field], afterView[field]]]),
      );
      const action = body.state && body.state !== before.state ? body.state : 'updated';
      await repo.insertHistory(trx, { record_id: id, version: after.version, action, reason: body.reason?.trim() || null, actor_id: session.user.id, actor_name: session.user.displayName, changes: JSON.stringify(diff), at: now });
      await audit.append(trx, actor, { action: 'record.updated', objectType: kind, objectId: id, orgPath: after.path, details: { changes: diff, reason: body.reason ?? null } });
      return afterView;
    };
    return within ? change(within) : db.kysely.transaction().execute(change);
  }

  async function history(kind: RecordKind, session: AuthenticatedSession, id: string) {
    if (!(await repo.recordInScope(db.kysely, kind, session.user.orgPath, id))) throw new DomainError('NOT_FOUND');
    return (await repo.historyOf(db.kysely, id)).map((entry) => ({ version: entry.version, action: entry.action, reason: entry.reason, actor: entry.actor_name, changes: JSON.parse(entry.changes) as Record<string, unknown>, at: entry.at }));
  }

  /** The repository's filters of a list or export query; a village outside scope is NOT_FOUND. */
  async function filtersOf(kind: RecordKind, session: AuthenticatedSession, query: RecordListQuery): Promise<repo.RecordFilters> {
    const filters: repo.RecordFilters = {
      ...(query.name ? { namePrefix: query.name.trim() } : {}),
      ...(query.nameContains ? { nameContains: query.nameContains.trim() } : {}),
      ...(query.address ? { addressContains: query.address.trim() } : {}),
      ...(query.key ? { key: kind === 'organisation' ? (parseCreditCode(query.key).ok ? keyOf(kind, query.key)! : query.key.trim().toUpperCase()) : query.key.trim() } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.state ? { state: query.state } : {}),
      ...(query.gridId ? { gridId: query.gridId } : {}),
      ...(query.after ? { beforeId: query.after } : {}),
    };
    if (query.villageId) {
      const village = await findUnitInScope(db.kysely, session.user.orgPath, query.villageId);
      if (!village) throw new DomainError('NOT_FOUND');
      Object.assign(filters, { pathPrefix: village.path });
    }
    return filters;
  }

  async function list(kind: RecordKind, session: AuthenticatedSession, query: RecordListQuery) {
    const limit = query.limit ?? 20;
    const filters = await filtersOf(kind, session, query);
    const rows = await repo.listRecords(db.kysely, kind, session.user.orgPath, filters, limit + 1);
    const page = rows.slice(0, limit);
    const counts = await repo.memberCounts(db.kysely, page.map((row) => row.id));
    return { items: page.map((row) => toRecordView(row, counts.get(row.id) ?? 0)), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
  }

  async function members(kind: RecordKind, session: AuthenticatedSession, id: string) {
    if (!(await repo.recordInScope(db.kysely, kind, session.user.orgPath, id))) throw new DomainError('NOT_FOUND');
    return (await repo.membersOf(db.kysely, id)).map((row) => ({ personId: row.person_id, name: row.name, idNumber: row.id_masked, relation: row.relation, since: row.since }));
  }

  /** Sets who belongs to a household or house; a household with members has exactly one head. */
  async function setMembers(kind: RecordKind, session: AuthenticatedSession, actor: AuditActor, id: string, wanted: readonly { personId: string; relation: string }[]) {
    if (!RECORD_KIND_DEFINITIONS[kind].members) throw new DomainError('NOT_FOUND');
    const personIds = wanted.map((member) => member.personId);
    if (new Set(personIds).size !== personIds.length) throw new DomainError('RECORD_MEMBER_TWICE', { field: 'members' });
    if (kind === 'household' && wanted.length > 0 && wanted.filter((member) => member.relation === 'head').length !== 1) throw new DomainError('HOUSEHOLD_HEAD_REQUIRED', { field: 'members' });
    await db.kysely.transaction().execute(async (trx) => {
      const record = await repo.recordInScope(trx, kind, session.user.orgPath, id);
      if (!record) throw new DomainError('NOT_FOUND');
      const found = new Set((await repo.personsInScope(trx, session.user.orgPath, personIds)).map((row) => row.id));
      const missing = personIds.find((personId) => !found.has(personId));
      if (missing) throw new DomainError('NOT_FOUND', { personId: missing });
      const since = new Map((await repo.membersOf(trx, id)).map((row) => [row.person_id, row.since]));
      const now = iso();
      await repo.replaceMembers(trx, id, wanted.map((member) => ({ record_id: id, person_id: member.personId, relation: member.relation, since: since.get(member.personId) ?? now })));
      await audit.append(trx, actor, { action: 'record.members_set', objectType: kind, objectId: id, orgPath: record.path, details: { members: wanted } });
    });
    return members(kind, session, id);
  }

  async function recordsOfPerson(session: AuthenticatedSession, personId: string) {
    if ((await repo.personsInScope(db.kysely, session.user.orgPath, [personId])).length === 0) throw new DomainError('NOT_FOUND');
    const rows = await repo.recordsOfPerson(db.kysely, session.user.orgPath, personId);
    return rows.map((row) => ({ recordId: row.id, kind: row.kind, name: row.name, relation: row.relation }));
  }

  /**
   * A grid worker's verification (复核): the record shows when and by whom it was last confirmed.
   * Corrections sent with it are made in the same transaction; a repeat with the same client key
   * answers the record as it is now.
   */
  async function verify(kind: RecordKind, session: AuthenticatedSession, actor: AuditActor, id: string, body: VerifyRecordBody): Promise<RecordView> {
    if (body.outcome === 'corrected' && body.corrections && Object.keys(body.corrections).length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'corrections', summary: 'corrections' });
    const current = async () => {
      const row = await repo.recordInScope(db.kysely, kind, session.user.orgPath, id);
      if (!row) throw new DomainError('NOT_FOUND');
      return toRecordView(row, (await repo.memberCounts(db.kysely, [id])).get(id) ?? 0);
    };
    return verifyOnce(db.kysely, session, id, body.clientKey, () => db.kysely.transaction().execute(async (trx) => {
      if (body.clientKey && (await appliedBefore(trx, session, id, body.clientKey))) {
        const row = await repo.recordInScope(trx, kind, session.user.orgPath, id);
        if (!row) throw new DomainError('NOT_FOUND');
        return toRecordView(row, (await repo.memberCounts(trx, [id])).get(id) ?? 0);
      }
      const corrections = body.outcome === 'corrected' ? body.corrections : undefined;
      if (corrections) await update(kind, session, actor, id, { ...corrections, version: body.version, reason: '复核更正' }, trx);
      const row = await repo.recordInScope(trx, kind, session.user.orgPath, id);
      if (!row) throw new DomainError('NOT_FOUND');
      if (!corrections && row.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: row.version });
      const now = iso();
      if (!(await repo.updateRecord(trx, id, row.version, { verified_at: now, verified_by: session.user.id }))) throw new DomainError('RECORD_CHANGED', { version: row.version });
      if (body.clientKey) await insertVerificationKey(trx, { client_key: body.clientKey, object_id: id, actor_id: session.user.id, at: now });
      await audit.append(trx, actor, { action: 'record.verified', objectType: kind, objectId: id, orgPath: row.path, details: { outcome: body.outcome, corrected: corrections ? Object.keys(corrections) : [] } });
      return toRecordView({ ...row, verified_at: now, verified_by: session.user.id }, (await repo.memberCounts(trx, [id])).get(id) ?? 0);
    }), current);
  }

  /** Records due for verification, each kind after the county's interval: in a grid worker's own grids (or one grid asked for), oldest first. */
  async function due(session: AuthenticatedSession, query: { gridId?: string; limit?: number }) {
    let gridIds: string[] | null = null;
    if (query.gridId) {
      if (!(await findGridInScope(db.kysely, session.user.orgPath, query.gridId))) throw new DomainError('NOT_FOUND');
      gridIds = [query.gridId];
    } else if (session.user.role === 'grid_worker_fulltime' || session.user.role === 'grid_worker_parttime') {
      gridIds = await gridsOfWorker(db.kysely, session.user.id);
    }
    const rows = await repo.dueRecords(db.kysely, session.user.orgPath, gridIds, reverifyCutoffs(clock(), await reverifyDaysOf(ctx)), query.limit ?? 50);
    const counts = await repo.memberCounts(db.kysely, rows.map((row) => row.id));
    return { items: rows.map((row) => toRecordView(row, counts.get(row.id) ?? 0)) };
  }

  /** The filtered list as workbook rows, a page at a time; plain phones only when asked (audited once per export). */
  async function exportRows(kind: RecordKind, session: AuthenticatedSession, actor: AuditActor, query: RecordExportQuery, locale: Locale) {
    const filters = await filtersOf(kind, session, query);
    const plain = query.plain === true;
    await audit.appendAlone(actor, { action: 'registry.exported', objectType: kind, orgPath: session.user.orgPath, details: { filters: query, plain } });
    const crypto = plain ? ctx.fieldCrypto() : null;
    async function* pages() {
      let beforeId: string | undefined;
      for (;;) {
        const rows = await recordsPage(db.kysely, kind, session.user.orgPath, { ...filters, ...(beforeId ? { beforeId } : {}) }, 1000);
        yield rows.map((row) => recordCells(row, locale, crypto && row.contact_sealed ? crypto.open(row.contact_sealed) : null));
        if (rows.length < 1000) return;
        beforeId = rows.at(-1)!.id;
      }
    }
    return pages();
  }

  /** The caller's villages and grids for a template's drop-down lists. */
  function templatePlaces(session: AuthenticatedSession) {
    return templatePlacesOf(db.kysely, session.user.orgPath);
  }

  return { create, get, update, history, list, members, setMembers, recordsOfPerson, verify, due, exportRows, templatePlaces };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
