// The hand-held terminal register (手持终端): each terminal with its asset code and IMEI (both
// unique; the IMEI's check digit is verified), its unit and the grid worker who holds it. Every
// change of holder is a hand-over kept in its history; a worker holds at most the county's limit
// (one by default), checked inside the hand-over's transaction.
import { createHash } from 'node:crypto';
import {
  DomainError,
  canonicalJson,
  isValidImei,
  newId,
  shanghaiDate,
  type CreateTerminalBody,
  type HandOverTerminalBody,
  type Terminal,
  type TerminalDetail,
  type TerminalListQuery,
  type TerminalPage,
  type TerminalState,
  type UpdateTerminalBody,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { TerminalTable } from '../../db/tables/publicity.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { accountNames, dailyUnitInScope, unitsByIds } from '../publicity/daily-units.repo.js';
import { stationSettings } from './station-settings.js';
import * as repo from './stations.repo.js';

export function createTerminalsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const iso = () => new Date(clock()).toISOString();

  async function describe(executor: Executor, rows: readonly TerminalTable[]): Promise<Terminal[]> {
    const [units, people] = await Promise.all([
      unitsByIds(executor, [...new Set(rows.map((row) => row.unit_id))]),
      accountNames(executor, [...new Set(rows.flatMap((row) => (row.holder_id ? [row.holder_id] : [])))]),
    ]);
    const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
    const nameOf = new Map(people.map((person) => [person.id, person.display_name]));
    return rows.map((row) => ({
      id: row.id,
      assetCode: row.asset_code,
      model: row.model,
      imei: row.imei,
      phone: row.phone,
      state: row.state,
      unitId: row.unit_id,
      unitName: unitName.get(row.unit_id) ?? '',
      holder: row.holder_id ? { id: row.holder_id, name: nameOf.get(row.holder_id) ?? '' } : null,
      issuedOn: row.issued_on,
      version: row.version,
      updatedAt: row.updated_at,
    }));
  }

  async function detail(executor: Executor, scopePath: string, row: TerminalTable): Promise<TerminalDetail> {
    const [view] = await describe(executor, [row]);
    if (!view) throw new DomainError('NOT_FOUND');
    const handovers = await repo.handoversOf(executor, scopePath, row.id);
    const people = await accountNames(executor, [...new Set(handovers.flatMap((h) => [h.from_holder_id, h.to_holder_id, h.recorded_by].filter((id): id is string => id !== null)))]);
    const nameOf = new Map(people.map((person) => [person.id, person.display_name]));
    const person = (id: string | null) => (id ? { id, name: nameOf.get(id) ?? '' } : null);
    return {
      ...view,
      handovers: handovers.map((h) => ({ id: h.id, from: person(h.from_holder_id), to: person(h.to_holder_id), handedOn: h.handed_on, note: h.note, recordedBy: { id: h.recorded_by, name: nameOf.get(h.recorded_by) ?? '' }, recordedAt: h.recorded_at })),
    };
  }

  /** The holder as allowed: a grid worker of the unit's path who holds fewer than the limit. */
  async function checkHolder(trx: Executor, unitPath: string, holderId: string, terminalId: string | undefined): Promise<void> {
    const holder = await repo.lockHolderCandidate(trx, db.kind, unitPath, holderId);
    if (!holder) throw new DomainError('TERMINAL_HOLDER_INVALID', { field: 'holderId' });
    const { terminalsPerWorker } = await stationSettings(trx);
    const held = (await repo.terminalsHeld(trx, [holderId], terminalId)).get(holderId) ?? 0;
    if (held >= terminalsPerWorker) throw new DomainError('TERMINAL_HOLDER_LIMIT', { field: 'holderId', held, limit: terminalsPerWorker });
  }

  function checkDay(day: string | undefined, field: string): void {
    if (day !== undefined && day > shanghaiDate(clock())) throw new DomainError('TERMINAL_ISSUED_IN_FUTURE', { field });
  }

  async function register(session: AuthenticatedSession, actor: AuditActor, body: CreateTerminalBody): Promise<{ terminal: TerminalDetail; created: boolean }> {
    const imei = body.imei.trim();
    if (!isValidImei(imei)) throw new DomainError('TERMINAL_IMEI_INVALID', { field: 'imei' });
    checkDay(body.issuedOn, 'issuedOn');
    const state = body.state ?? (body.holderId ? 'in_use' : 'spare');
    // A held terminal is in use, and an in-use terminal has a holder.
    if ((body.holderId !== undefined) !== (state === 'in_use')) throw new DomainError('TERMINAL_STATE_CONFLICT', { field: 'state' });
    const hash = body.clientKey ? createHash('sha256').update(canonicalJson(body)).digest('hex') : null;
    /** A retry with the same client key and body answers the first terminal. */
    const replay = async (row: TerminalTable | undefined): Promise<TerminalDetail | null> => {
      if (!row) return null;
      if (row.request_hash !== hash || !(await repo.terminalInScope(db.kysely, session.user.orgPath, row.id))) throw new DomainError('IDEMPOTENCY_KEY_REUSED', { clientKey: body.clientKey, field: 'clientKey' });
      return detail(db.kysely, session.user.orgPath, row);
    };
    if (body.clientKey) {
      const first = await replay(await repo.terminalByClientKey(db.kysely, body.clientKey));
      if (first) return { terminal: first, created: false };
    }
    try {
      return { terminal: await insertNew(session, actor, body, imei, state, hash), created: true };
    } catch (error) {
      // A retry racing its first try: the first one's terminal holds the key, code and IMEI.
      const taken = error instanceof DomainError ? error.code === 'TERMINAL_ASSET_CODE_TAKEN' || error.code === 'TERMINAL_IMEI_TAKEN' : repo.uniqueViolationOn(error) !== undefined;
      if (taken && body.clientKey) {
        const first = await replay(await repo.terminalByClientKey(db.kysely, body.clientKey));
        if (first) return { terminal: first, created: false };
      }
      if (error instanceof DomainError) throw error;
      // Two registrations racing past the checks below: the database's unique keys decide.
      const column = repo.uniqueViolationOn(error);
      if (column === 'asset_code') throw new DomainError('TERMINAL_ASSET_CODE_TAKEN', { field: 'assetCode', assetCode: body.assetCode });
      if (column === 'imei') throw new DomainError('TERMINAL_IMEI_TAKEN', { field: 'imei', imei });
      throw error;
    }
  }

  async function insertNew(session: AuthenticatedSession, actor: AuditActor, body: CreateTerminalBody, imei: string, state: TerminalState, hash: string | null): Promise<TerminalDetail> {
    return db.write(async (trx) => {
      const unit = await dailyUnitInScope(trx, session.user.orgPath, body.unitId);
      if (!unit) throw new DomainError('DAILY_UNIT_INVALID', { field: 'unitId' });
      if (await repo.terminalByAssetCode(trx, body.assetCode)) throw new DomainError('TERMINAL_ASSET_CODE_TAKEN', { field: 'assetCode', assetCode: body.assetCode });
      if (await repo.terminalByImei(trx, imei)) throw new DomainError('TERMINAL_IMEI_TAKEN', { field: 'imei', imei });
      if (body.holderId) await checkHolder(trx, unit.path, body.holderId, undefined);
      const now = iso();
      const issuedOn = body.holderId ? (body.issuedOn ?? shanghaiDate(clock())) : null;
      const row: TerminalTable = {
        id: newId(),
        asset_code: body.assetCode,
        model: body.model.trim(),
        imei,
        phone: body.phone ?? null,
        state,
        unit_id: unit.id,
        path: unit.path,
        holder_id: body.holderId ?? null,
        issued_on: issuedOn,
        client_key: body.clientKey ?? null,
        request_hash: hash,
        version: 1,
        created_by: session.user.id,
        created_at: now,
        updated_at: now,
      };
      await repo.insertTerminal(trx, row);
      if (row.holder_id && issuedOn) {
        await repo.insertHandover(trx, { id: newId(), terminal_id: row.id, from_holder_id: null, to_holder_id: row.holder_id, handed_on: issuedOn, note: '', recorded_by: session.user.id, recorded_at: now });
      }
      await audit.append(trx, actor, { action: 'terminal.registered', objectType: 'terminal', objectId: row.id, orgPath: row.path, details: { assetCode: row.asset_code, state, holderId: row.holder_id } });
      return detail(trx, session.user.orgPath, row);
    });
  }

  async function get(session: AuthenticatedSession, id: string): Promise<TerminalDetail> {
    const row = await repo.terminalInScope(db.kysely, session.user.orgPath, id);
    if (!row) throw new DomainError('NOT_FOUND');
    return detail(db.kysely, session.user.orgPath, row);
  }

  async function update(session: AuthenticatedSession, actor: AuditActor, id: string, body: UpdateTerminalBody): Promise<TerminalDetail> {
    return db.write(async (trx) => {
      const before = await repo.terminalInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.state === 'retired') throw new DomainError('TERMINAL_RETIRED');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      // The state follows the holder: a hand-over makes it in use or spare; here only spare, repair or
      // retired, and spare or repair only when nobody holds it (retiring takes it back).
      if (body.state === 'in_use' && before.state !== 'in_use') throw new DomainError('TERMINAL_STATE_CONFLICT', { field: 'state' });
      if ((body.state === 'spare' || body.state === 'repair') && before.holder_id !== null) throw new DomainError('TERMINAL_STATE_CONFLICT', { field: 'state' });
      const now = iso();
      const changes: Partial<TerminalTable> = {
        ...(body.model !== undefined ? { model: body.model.trim() } : {}),
        ...(body.phone !== undefined ? { phone: body.phone } : {}),
        ...(body.state !== undefined ? { state: body.state } : {}),
      };
      // A retired terminal goes back to the unit: nobody holds it any more.
      const takenBack = body.state === 'retired' && before.holder_id !== null;
      if (takenBack) Object.assign(changes, { holder_id: null, issued_on: null });
      const after: TerminalTable = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await repo.updateTerminal(trx, id, before.version, { ...changes, version: after.version, updated_at: now }))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      if (takenBack) {
        await repo.insertHandover(trx, { id: newId(), terminal_id: id, from_holder_id: before.holder_id, to_holder_id: null, handed_on: shanghaiDate(clock()), note: '', recorded_by: session.user.id, recorded_at: now });
      }
      await audit.append(trx, actor, { action: 'terminal.updated', objectType: 'terminal', objectId: id, orgPath: before.path, details: { fields: Object.keys(body).filter((key) => key !== 'version'), state: [before.state, after.state] } });
      return detail(trx, session.user.orgPath, after);
    });
  }

  async function handOver(session: AuthenticatedSession, actor: AuditActor, id: string, body: HandOverTerminalBody): Promise<TerminalDetail> {
    checkDay(body.handedOn, 'handedOn');
    return db.write(async (trx) => {
      const before = await repo.terminalInScope(trx, session.user.orgPath, id);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.state === 'retired') throw new DomainError('TERMINAL_RETIRED');
      if (before.version !== body.version) throw new DomainError('RECORD_CHANGED', { version: before.version });
      if (body.holderId === before.holder_id) throw new DomainError('TERMINAL_HANDOVER_NO_CHANGE', { field: 'holderId' });
      if (body.holderId !== null) await checkHolder(trx, before.path, body.holderId, id);
      const now = iso();
      const changes: Partial<TerminalTable> =
        body.holderId === null
          ? { holder_id: null, issued_on: null, state: before.state === 'in_use' ? 'spare' : before.state }
          : { holder_id: body.holderId, issued_on: body.handedOn, state: 'in_use' };
      const after: TerminalTable = { ...before, ...changes, version: before.version + 1, updated_at: now };
      if (!(await repo.updateTerminal(trx, id, before.version, { ...changes, version: after.version, updated_at: now }))) throw new DomainError('RECORD_CHANGED', { version: before.version });
      await repo.insertHandover(trx, { id: newId(), terminal_id: id, from_holder_id: before.holder_id, to_holder_id: body.holderId, handed_on: body.handedOn, note: body.note?.trim() ?? '', recorded_by: session.user.id, recorded_at: now });
      await audit.append(trx, actor, { action: 'terminal.handed_over', objectType: 'terminal', objectId: id, orgPath: before.path, details: { from: before.holder_id, to: body.holderId, handedOn: body.handedOn } });
      return detail(trx, session.user.orgPath, after);
    });
  }

  async function list(session: AuthenticatedSession, query: TerminalListQuery): Promise<TerminalPage> {
    const limit = query.limit ?? 50;
    let unitPath: string | undefined;
    if (query.unitId) {
      const unit = await dailyUnitInScope(db.kysely, session.user.orgPath, query.unitId);
      if (!unit) throw new DomainError('NOT_FOUND', { field: 'unitId' });
      unitPath = unit.path;
    }
    const rows = await repo.listTerminals(
      db.kysely,
      session.user.orgPath,
      { ...(unitPath ? { unitPath } : {}), ...(query.state ? { state: query.state } : {}), ...(query.q?.trim() ? { text: query.q.trim() } : {}), ...((query.cursor ?? query.after) ? { afterAssetCode: query.cursor ?? query.after } : {}) },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return { items: await describe(db.kysely, page), nextCursor: rows.length > limit ? (page.at(-1)?.asset_code ?? null) : null };
  }

  /** The grid workers a terminal of the unit may go to, with how many each holds now. */
  async function holders(session: AuthenticatedSession, unitId: string) {
    const unit = await dailyUnitInScope(db.kysely, session.user.orgPath, unitId);
    if (!unit) throw new DomainError('NOT_FOUND', { field: 'unitId' });
    const workers = await repo.gridWorkersUnder(db.kysely, unit.path);
    const held = await repo.terminalsHeld(db.kysely, workers.map((worker) => worker.id));
    return workers.map((worker) => ({ id: worker.id, name: worker.display_name, orgPath: worker.org_path, terminals: held.get(worker.id) ?? 0 }));
  }

  return { register, get, update, handOver, list, holders };
}

export type TerminalsService = ReturnType<typeof createTerminalsService>;
