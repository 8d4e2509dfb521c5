// The duty roster (值机值守) of the county center and the township sub-centers: slots, entries,
// rotas over working days, swaps and the on-duty person's check-in. The permission is checked by
// the route; here the unit must lie in the caller's scope (else 404), the people must be the
// unit's own, and each change is one transaction with its audit entry and inbox messages.
import {
  DEFAULT_DUTY_SLOTS,
  DomainError,
  ROLES,
  addCalendarDays,
  can,
  newId,
  rota,
  shanghaiDate,
  slotOf,
  workdaysBetween,
  type DutyEntry,
  type DutyEntryBody,
  type DutyFillBody,
  type DutyFillResult,
  type DutyLapses,
  type DutyRoster,
  type DutySlot,
  type DutySlotsBody,
  type DutySwapBody,
  type DutyToday,
  type DutyUnit,
  type DutyUnits,
} from '@gridwork/core';
import type { Executor } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { AuthenticatedSession } from '../auth/auth.service.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.repo.js';
import { insertInboxMessages } from '../events/events.repo.js';
import * as repo from './duty.repo.js';

/** The roles that may be on duty: those holding duty.check_in. */
export const DUTY_ROLES = ROLES.filter((role) => can(role, 'duty.check_in'));
/** The longest span a roster read or a rota covers. */
const MAX_DAYS = 62;

type Unit = NonNullable<Awaited<ReturnType<typeof repo.subCenterInScope>>>;

export function toDutyEntry(row: repo.DutyEntryRow): DutyEntry {
  return { id: row.id, unitId: row.unit_id, date: row.date, slot: row.slot, account: { id: row.account_id, name: row.display_name }, checkedInAt: row.checked_in_at };
}

async function slotsOf(db: Executor, unitIds: readonly string[]): Promise<Map<string, DutySlot[]>> {
  const rows = await repo.slotSettings(db, unitIds);
  return new Map(rows.map((row) => [row.unit_id, JSON.parse(row.slots) as DutySlot[]]));
}

function checkRange(from: string, to: string): void {
  if (to < from || addCalendarDays(from, MAX_DAYS - 1) < to) throw new DomainError('DUTY_RANGE_INVALID', { maxDays: MAX_DAYS });
}

export function createDutyService(ctx: AppContext) {
  const { db, clock, audit } = ctx;
  const nowIso = () => new Date(clock()).toISOString();
  const today = () => shanghaiDate(clock());

  async function unitOf(session: AuthenticatedSession, unitId: string, executor: Executor = db.kysely): Promise<Unit> {
    const unit = await repo.subCenterInScope(executor, session.user.orgPath, unitId);
    if (!unit) throw new DomainError('NOT_FOUND', { unitId });
    return unit;
  }

  async function unitSlots(executor: Executor, unitId: string): Promise<DutySlot[]> {
    return (await slotsOf(executor, [unitId])).get(unitId) ?? [...DEFAULT_DUTY_SLOTS];
  }

  async function describeUnits(executor: Executor, units: readonly Unit[], date: string): Promise<DutyUnit[]> {
    const ids = units.map((unit) => unit.id);
    const [slots, entries, lapses] = await Promise.all([slotsOf(executor, ids), repo.entriesBetween(executor, ids, date, date), repo.lapsesOfUnitsOn(executor, ids, date)]);
    return units.map((unit) => ({
      ...unit,
      slots: slots.get(unit.id) ?? [...DEFAULT_DUTY_SLOTS],
      today: entries.filter((entry) => entry.unit_id === unit.id).map(toDutyEntry),
      lapseToday: lapses.find((lapse) => lapse.unit_id === unit.id)?.reason ?? null,
    }));
  }

  /** A person the unit may put on duty: one of its own active accounts whose role may be on duty. */
  async function requireCandidate(executor: Executor, unit: Unit, accountId: string, field = 'accountId'): Promise<void> {
    const candidates = await repo.dutyCandidates(executor, unit.path, DUTY_ROLES);
    if (!candidates.some((candidate) => candidate.id === accountId)) throw new DomainError('DUTY_ACCOUNT_NOT_OF_UNIT', { field, accountId });
  }

  function requireNotPast(field: string, date: string): void {
    if (date < today()) throw new DomainError('DUTY_DATE_PAST', { field, value: date });
  }

  async function units(session: AuthenticatedSession): Promise<DutyUnits> {
    const date = today();
    const calendar = await loadWorkingCalendar(db.kysely, date, date);
    const list = await repo.subCentersInScope(db.kysely, session.user.orgPath);
    return { date, workday: calendar.isWorkday(date), units: await describeUnits(db.kysely, list, date) };
  }

  async function roster(session: AuthenticatedSession, query: { unitId: string; from: string; to: string }): Promise<DutyRoster> {
    checkRange(query.from, query.to);
    const unit = await unitOf(session, query.unitId);
    const [calendar, described, entries, candidates] = await Promise.all([
      loadWorkingCalendar(db.kysely, query.from, query.to),
      describeUnits(db.kysely, [unit], today()),
      repo.entriesBetween(db.kysely, [unit.id], query.from, query.to),
      repo.dutyCandidates(db.kysely, unit.path, DUTY_ROLES),
    ]);
    const days: { date: string; workday: boolean }[] = [];
    for (let date = query.from; date <= query.to; date = addCalendarDays(date, 1)) days.push({ date, workday: calendar.isWorkday(date) });
    return { unit: described[0] as DutyUnit, from: query.from, to: query.to, days, entries: entries.map(toDutyEntry), candidates: candidates.map((row) => ({ id: row.id, name: row.display_name })) };
  }

  async function setSlots(session: AuthenticatedSession, actor: AuditActor, unitId: string, body: DutySlotsBody): Promise<DutyUnit> {
    const keys = new Set<string>();
    body.slots.forEach((slot, i) => {
      if (keys.has(slot.key)) throw new DomainError('DUTY_SLOT_REPEATED', { field: `slots[${i}].key`, slot: slot.key });
      keys.add(slot.key);
    });
    return db.kysely.transaction().execute(async (trx) => {
      const unit = await unitOf(session, unitId, trx);
      await repo.lockUnitRoster(trx, db.kind, unit.id);
      const before = await unitSlots(trx, unit.id);
      // Today's and later entries must still fit: no one left on a removed slot, no slot over its new capacity.
      for (const load of await repo.slotLoadsFrom(trx, unit.id, today())) {
        const i = body.slots.findIndex((slot) => slot.key === load.slot);
        const slot = body.slots[i];
        if (!slot) throw new DomainError('DUTY_SLOT_IN_USE', { field: 'slots', slot: slotOf(before, load.slot)?.name ?? load.slot, date: load.date });
        if (load.n > slot.capacity) throw new DomainError('DUTY_SLOT_OVER_CAPACITY', { field: `slots[${i}].capacity`, slotName: slot.name, date: load.date, count: load.n, capacity: slot.capacity });
      }
      await repo.putSlotSetting(trx, { unit_id: unit.id, slots: JSON.stringify(body.slots), updated_by: session.user.id, updated_at: nowIso() });
      await audit.append(trx, actor, { action: 'duty.slots_set', objectType: 'org_unit', objectId: unit.id, orgPath: unit.path, details: { before, after: body.slots } });
      return (await describeUnits(trx, [unit], today()))[0] as DutyUnit;
    });
  }

  /** Puts one person on a slot of a day, within the slot's capacity. */
  async function addEntry(session: AuthenticatedSession, actor: AuditActor, body: DutyEntryBody): Promise<DutyEntry> {
    requireNotPast('date', body.date);
    return db.kysely.transaction().execute(async (trx) => {
      const unit = await unitOf(session, body.unitId, trx);
      await repo.lockUnitRoster(trx, db.kind, unit.id);
      const slot = slotOf(await unitSlots(trx, unit.id), body.slot);
      if (!slot) throw new DomainError('DUTY_SLOT_UNKNOWN', { field: 'slot', slot: body.slot });
      await requireCandidate(trx, unit, body.accountId);
      if (await repo.isOnSlot(trx, unit.id, body.date, slot.key, body.accountId)) throw new DomainError('DUTY_ALREADY_ON_SLOT', { date: body.date, slotName: slot.name });
      if ((await repo.countOnSlot(trx, unit.id, body.date, slot.key)) >= slot.capacity) throw new DomainError('DUTY_SLOT_FULL', { date: body.date, slotName: slot.name, capacity: slot.capacity });
      const now = nowIso();
      const id = newId();
      await repo.insertEntries(trx, [{ id, unit_id: unit.id, unit_path: unit.path, date: body.date, slot: slot.key, account_id: body.accountId, checked_in_at: null, created_by: session.user.id, created_at: now, updated_at: now }]);
      await audit.append(trx, actor, { action: 'duty.entry_added', objectType: 'duty_entry', objectId: id, orgPath: unit.path, details: { date: body.date, slot: slot.key, accountId: body.accountId } });
      const [row] = await repo.entriesByIds(trx, [id]);
      return toDutyEntry(row as repo.DutyEntryRow);
    });
  }

  async function removeEntry(session: AuthenticatedSession, actor: AuditActor, id: string): Promise<void> {
    await db.kysely.transaction().execute(async (trx) => {
      const entry = await repo.entryInScope(trx, session.user.orgPath, id);
      if (!entry) throw new DomainError('NOT_FOUND', { id });
      if (entry.checked_in_at) throw new DomainError('DUTY_ENTRY_CHECKED_IN');
      requireNotPast('date', entry.date);
      await repo.deleteEntries(trx, [entry.id]);
      await audit.append(trx, actor, { action: 'duty.entry_removed', objectType: 'duty_entry', objectId: entry.id, orgPath: entry.unit_path, details: { date: entry.date, slot: entry.slot, accountId: entry.account_id } });
    });
  }

  /** A rota: the working days of the range each go to the next person of the list; a day someone already checked in on is kept. */
  async function fill(session: AuthenticatedSession, actor: AuditActor, body: DutyFillBody): Promise<DutyFillResult> {
    checkRange(body.from, body.to);
    requireNotPast('from', body.from);
    return db.kysely.transaction().execute(async (trx) => {
      const unit = await unitOf(session, body.unitId, trx);
      await repo.lockUnitRoster(trx, db.kind, unit.id);
      const slot = slotOf(await unitSlots(trx, unit.id), body.slot);
      if (!slot) throw new DomainError('DUTY_SLOT_UNKNOWN', { field: 'slot', slot: body.slot });
      for (const [i, accountId] of body.accountIds.entries()) await requireCandidate(trx, unit, accountId, `accountIds[${i}]`);
      const calendar = await loadWorkingCalendar(trx, body.from, body.to);
      const existing = (await repo.entriesBetween(trx, [unit.id], body.from, body.to)).filter((entry) => entry.slot === slot.key);
      const kept = [...new Set(existing.filter((entry) => entry.checked_in_at).map((entry) => entry.date))];
      await repo.deleteEntries(trx, existing.filter((entry) => !kept.includes(entry.date)).map((entry) => entry.id));
      const now = nowIso();
      const rows = rota(workdaysBetween(body.from, body.to, calendar).filter((date) => !kept.includes(date)), body.accountIds).map(({ date, accountId }) => ({
        id: newId(),
        unit_id: unit.id,
        unit_path: unit.path,
        date,
        slot: slot.key,
        account_id: accountId,
        checked_in_at: null,
        created_by: session.user.id,
        created_at: now,
        updated_at: now,
      }));
      await repo.insertEntries(trx, rows);
      await audit.append(trx, actor, { action: 'duty.roster_filled', objectType: 'org_unit', objectId: unit.id, orgPath: unit.path, details: { from: body.from, to: body.to, slot: slot.key, accountIds: body.accountIds, created: rows.length, replaced: existing.length - kept.length, kept } });
      const entries = await repo.entriesByIds(trx, rows.map((row) => row.id));
      return { created: rows.length, kept, entries: entries.map(toDutyEntry) };
    });
  }

  /** 换班: two entries exchange their people, or one entry goes to another of the unit's people; both are told. */
  async function swap(session: AuthenticatedSession, actor: AuditActor, body: DutySwapBody): Promise<{ entries: DutyEntry[] }> {
    if ((body.withEntryId === undefined) === (body.toAccountId === undefined)) throw new DomainError('DUTY_SWAP_TARGET_REQUIRED');
    return db.kysely.transaction().execute(async (trx) => {
      const found = await repo.entryInScope(trx, session.user.orgPath, body.entryId);
      if (!found) throw new DomainError('NOT_FOUND', { id: body.entryId });
      const unit = await unitOf(session, found.unit_id, trx);
      await repo.lockUnitRoster(trx, db.kind, unit.id);
      // Read again under the lock: a check-in or another swap may have come first.
      const entry = (await repo.entryInScope(trx, session.user.orgPath, body.entryId)) ?? found;
      const slots = await unitSlots(trx, unit.id);
      const slotName = (key: string) => slotOf(slots, key)?.name ?? key;
      const now = nowIso();
      const reason = body.reason.trim();
      const messages: { account_id: string; text: string }[] = [];
      let changed: string[];
      if (entry.checked_in_at) throw new DomainError('DUTY_ENTRY_CHECKED_IN');
      requireNotPast('entryId', entry.date);
      if (body.withEntryId !== undefined) {
        const other = await repo.entryInScope(trx, session.user.orgPath, body.withEntryId);
        if (!other || other.unit_id !== entry.unit_id || other.id === entry.id) throw new DomainError('NOT_FOUND', { id: body.withEntryId });
        if (other.checked_in_at) throw new DomainError('DUTY_ENTRY_CHECKED_IN');
        requireNotPast('withEntryId', other.date);
        if (other.account_id === entry.account_id || (await repo.isOnSlot(trx, unit.id, entry.date, entry.slot, other.account_id)) || (await repo.isOnSlot(trx, unit.id, other.date, other.slot, entry.account_id)))
          throw new DomainError('DUTY_ALREADY_ON_SLOT', { date: entry.date, slotName: slotName(entry.slot) });
        await repo.setEntryAccount(trx, entry.id, other.account_id, now);
        await repo.setEntryAccount(trx, other.id, entry.account_id, now);
        changed = [entry.id, other.id];
        messages.push(
          { account_id: entry.account_id, text: `您 ${entry.date} 的${slotName(entry.slot)}值班已与${other.display_name}（${other.date}）交换，请于 ${other.date} 值班。原因：${reason}` },
          { account_id: other.account_id, text: `您 ${other.date} 的${slotName(other.slot)}值班已与${entry.display_name}（${entry.date}）交换，请于 ${entry.date} 值班。原因：${reason}` },
        );
      } else {
        const to = body.toAccountId as string;
        await requireCandidate(trx, unit, to, 'toAccountId');
        if (to === entry.account_id || (await repo.isOnSlot(trx, unit.id, entry.date, entry.slot, to))) throw new DomainError('DUTY_ALREADY_ON_SLOT', { date: entry.date, slotName: slotName(entry.slot) });
        await repo.setEntryAccount(trx, entry.id, to, now);
        changed = [entry.id];
        messages.push(
          { account_id: entry.account_id, text: `您 ${entry.date} 的${slotName(entry.slot)}值班已由他人接替。原因：${reason}` },
          { account_id: to, text: `请于 ${entry.date} ${unit.name}${slotName(entry.slot)}值班（接替${entry.display_name}）。原因：${reason}` },
        );
      }
      await insertInboxMessages(trx, messages.map((message) => ({ id: newId(), account_id: message.account_id, kind: 'duty_swapped', event_id: null, text: message.text, created_at: now })));
      await audit.append(trx, actor, { action: 'duty.swapped', objectType: 'duty_entry', objectId: entry.id, orgPath: unit.path, details: { withEntryId: body.withEntryId ?? null, fromAccountId: entry.account_id, toAccountId: body.toAccountId ?? null, reason } });
      return { entries: (await repo.entriesByIds(trx, changed)).map(toDutyEntry) };
    });
  }

  async function todayOf(session: AuthenticatedSession, executor: Executor = db.kysely): Promise<DutyToday> {
    const date = today();
    const rows = await repo.entriesOfAccountOn(executor, session.user.id, date);
    const slots = await slotsOf(executor, [...new Set(rows.map((row) => row.unit_id))]);
    return {
      date,
      entries: rows.map((row) => ({ ...toDutyEntry(row), unitName: row.unit_name, slotName: slotOf(slots.get(row.unit_id) ?? DEFAULT_DUTY_SLOTS, row.slot)?.name ?? row.slot })),
    };
  }

  /** The on-duty person checks in (值班签到); a second check-in answers the first. */
  async function checkIn(session: AuthenticatedSession, actor: AuditActor): Promise<DutyToday> {
    return db.kysely.transaction().execute(async (trx) => {
      const mine = await todayOf(session, trx);
      if (mine.entries.length === 0) throw new DomainError('DUTY_NOT_ON_ROSTER', { date: mine.date });
      const now = nowIso();
      const open = mine.entries.filter((entry) => !entry.checkedInAt);
      // Only the rows this call changed (a check-in racing from another tab may have taken some), each audited in its unit.
      const updated = await repo.checkIn(trx, open.map((entry) => entry.id), now);
      for (const row of updated) {
        await audit.append(trx, actor, { action: 'duty.checked_in', objectType: 'duty_entry', objectId: row.id, orgPath: row.unit_path, details: { date: row.date, unitId: row.unit_id, slot: row.slot } });
      }
      return todayOf(session, trx);
    });
  }

  async function lapses(session: AuthenticatedSession, month: string): Promise<DutyLapses> {
    const rows = await repo.lapsesInScope(db.kysely, session.user.orgPath, `${month}-01`, `${month}-31`);
    return { month, lapses: rows.map((row) => ({ id: row.id, unitId: row.unit_id, unitName: row.name, unitPath: row.unit_path, date: row.date, reason: row.reason, recordedAt: row.recorded_at })) };
  }

  return { units, roster, setSlots, addEntry, removeEntry, fill, swap, today: todayOf, checkIn, lapses };
}

export type DutyService = ReturnType<typeof createDutyService>;
