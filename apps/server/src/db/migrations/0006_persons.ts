// Frozen: never edit a landed migration; add a new one.
// The registry's people (人): who lives in each grid, their documents and phones sealed at rest
// and found through blind indexes, a masked copy for lists, and every change kept as history.
import { sql, type Kysely } from 'kysely';

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    // SQLite has no pg_catalog and fails here harmlessly (it runs migrations outside a transaction).
    await sql`select 1 from pg_catalog.pg_type limit 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    // The codes of the path's county, township and village: see unitCodesOfPath in core.
    .addColumn('county_code', 'varchar(6)')
    .addColumn('township_code', 'varchar(9)')
    .addColumn('village_code', 'varchar(12)')
    .addColumn('grid_id', 'varchar(36)', (c) => c.references('org_unit.id'))
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('gender', 'varchar(8)')
    .addColumn('ethnicity', 'varchar(20)')
    .addColumn('birth_date', 'varchar(10)')
    .addColumn('id_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('id_sealed', 'text')
    .addColumn('id_index', 'varchar(64)')
    .addColumn('id_masked', 'varchar(40)')
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_index', 'varchar(64)')
    .addColumn('phone_masked', 'varchar(20)')
    .addColumn('hukou_place', 'varchar(200)')
    .addColumn('address', 'varchar(200)')
    .addColumn('residence_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('status_reason', 'varchar(200)')
    .addColumn('version', 'integer', (c) => c.notNull())
    // Key groups (tagged people, floating population, overseas) are re-verified more often.
    .addColumn('key_group', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_at', 'varchar(24)')
    .addColumn('verified_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_path_idx').on('person').columns(['path', 'id']).execute();
  await db.schema.createIndex('person_county_idx').on('person').columns(['county_code', 'id']).execute();
  await db.schema.createIndex('person_township_idx').on('person').columns(['township_code', 'id']).execute();
  await db.schema.createIndex('person_village_idx').on('person').columns(['village_code', 'id']).execute();
  await db.schema.createIndex('person_name_idx').on('person').columns(['name', 'id']).execute();
  // Name searches within a township or village: surnames cluster by village (a whole village of
  // 王), so neither the name index nor the scope index alone finds a page quickly for every name.
  await db.schema.createIndex('person_township_name_idx').on('person').columns(['township_code', 'name', 'id']).execute();
  await db.schema.createIndex('person_village_name_idx').on('person').columns(['village_code', 'name', 'id']).execute();
  // One person, one record: the blind index of a document is unique across the county.
  await db.schema.createIndex('person_id_index_idx').on('person').column('id_index').unique().execute();
  await db.schema.createIndex('person_phone_index_idx').on('person').column('phone_index').execute();

  await db.schema
    .createTable('person_history')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)')
    // JSON of the fields that changed, before and after; sealed fields appear masked.
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_history_pk', ['person_id', 'version'])
    .execute();

  // Every verification (复核) a grid worker made: confirmed as it was, or corrected. The share
  // confirmed is the registry's measured accuracy.
  await db.schema
    .createTable('person_verification')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    // JSON: the fields the verification corrected.
    .addColumn('corrected', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_verification_path_idx').on('person_verification').columns(['path', 'at']).execute();
  await db.schema.createIndex('person_verification_person_idx').on('person_verification').columns(['person_id', 'at']).execute();

  if (await isPostgres(db)) {
    await sql`alter table person alter column path type varchar(255) collate "C"`.execute(db);
    await sql`alter table person alter column name type varchar(50) collate "C"`.execute(db);
    await sql`alter table person_verification alter column path type varchar(255) collate "C"`.execute(db);
  }
}
