// SQL for special-population and assistance records; scope comes from the person they belong to.
import type { Executor } from '../../db/schema.js';
import type { AssistanceRecordTable, SpecialPopulationTable } from '../../db/tables/person.table.js';
import { withinScope } from '../../db/sql-helpers.js';

export function personInScope(db: Executor, scopePath: string, personId: string) {
  return db.selectFrom('person').select(['id', 'name', 'path', 'id_masked']).where('id', '=', personId).where(withinScope('person', scopePath)).executeTakeFirst();
}

export async function insertSpecial(db: Executor, row: SpecialPopulationTable): Promise<void> {
  await db.insertInto('special_population').values(row).execute();
}

export async function updateSpecial(db: Executor, id: string, version: number, changes: Partial<SpecialPopulationTable>): Promise<boolean> {
  const result = await db.updateTable('special_population').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function specialsWithPerson(db: Executor, scopePath: string) {
  return db
    .selectFrom('special_population')
    .innerJoin('person', 'person.id', 'special_population.person_id')
    .selectAll('special_population')
    .select(['person.name as person_name', 'person.id_masked as person_id_masked', 'person.path as person_path'])
    .where(withinScope('person', scopePath));
}

export function specialInScope(db: Executor, scopePath: string, id: string) {
  return specialsWithPerson(db, scopePath).where('special_population.id', '=', id).executeTakeFirst();
}

export function specialsOfPerson(db: Executor, scopePath: string, personId: string) {
  return specialsWithPerson(db, scopePath).where('special_population.person_id', '=', personId).orderBy('special_population.id').execute();
}

export interface SpecialFilters {
  readonly categoryIndex?: string;
  readonly riskLevel?: string;
  readonly pathPrefix?: string;
  readonly active?: { readonly today: string; readonly active: boolean };
  readonly beforeId?: string;
}

export function listSpecials(db: Executor, scopePath: string, filters: SpecialFilters, limit: number) {
  let query = specialsWithPerson(db, scopePath);
  if (filters.categoryIndex) query = query.where('special_population.category_index', '=', filters.categoryIndex);
  if (filters.riskLevel) query = query.where('special_population.risk_level', '=', filters.riskLevel as SpecialPopulationTable['risk_level']);
  if (filters.pathPrefix) query = query.where(withinScope('person', filters.pathPrefix));
  if (filters.active) {
    const { today, active } = filters.active;
    query = active
      ? query.where((eb) => eb.or([eb('special_population.end_date', 'is', null), eb('special_population.end_date', '>', today)]))
      : query.where('special_population.end_date', '<=', today);
  }
  if (filters.beforeId) query = query.where('special_population.id', '<', filters.beforeId);
  return query.orderBy('special_population.id', 'desc').limit(limit).execute();
}

export async function insertAssistance(db: Executor, row: AssistanceRecordTable): Promise<void> {
  await db.insertInto('assistance_record').values(row).execute();
}

export async function updateAssistance(db: Executor, id: string, version: number, changes: Partial<AssistanceRecordTable>): Promise<boolean> {
  const result = await db.updateTable('assistance_record').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function assistanceInScope(db: Executor, scopePath: string, id: string) {
  return db
    .selectFrom('assistance_record')
    .innerJoin('person', 'person.id', 'assistance_record.person_id')
    .selectAll('assistance_record')
    .select('person.path as person_path')
    .where('assistance_record.id', '=', id)
    .where(withinScope('person', scopePath))
    .executeTakeFirst();
}

export function assistanceOfPerson(db: Executor, personId: string) {
  return db.selectFrom('assistance_record').selectAll().where('person_id', '=', personId).orderBy('id').execute();
}
