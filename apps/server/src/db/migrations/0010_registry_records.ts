// Frozen: never edit a landed migration; add a new one.
// The registry's other kinds in one table (households, houses, organisations, places,
// facilities): what they share is most of what they are (a place in a grid, a name, an address,
// a category and a state, a key, a location, a contact), the rest is a small JSON of attributes.
// People link to households and houses as members; every change keeps its before and after.
import { sql, type Kysely } from 'kysely';

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select 1 from pg_catalog.pg_type limit 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_record')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)')
    .addColumn('township_code', 'varchar(9)')
    .addColumn('village_code', 'varchar(12)')
    .addColumn('grid_id', 'varchar(36)', (c) => c.references('org_unit.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)')
    .addColumn('category', 'varchar(32)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('state_reason', 'varchar(200)')
    .addColumn('record_key', 'varchar(40)')
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('contact_name', 'varchar(50)')
    .addColumn('contact_sealed', 'text')
    .addColumn('contact_masked', 'varchar(30)')
    // JSON of the attributes only some kinds have (an organisation's legal representative, …).
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verified_at', 'varchar(24)')
    .addColumn('verified_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  for (const level of ['county', 'township', 'village']) {
    await db.schema.createIndex(`registry_record_${level}_idx`).on('registry_record').columns(['kind', `${level}_code`, 'id']).execute();
  }
  await db.schema.createIndex('registry_record_path_idx').on('registry_record').columns(['kind', 'path', 'id']).execute();
  await db.schema.createIndex('registry_record_name_idx').on('registry_record').columns(['kind', 'name', 'id']).execute();
  // A credit code, household number or facility code names one record of its kind.
  await db.schema.createIndex('registry_record_key_idx').on('registry_record').columns(['kind', 'record_key']).unique().execute();

  await db.schema
    .createTable('registry_member')
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull().references('registry_record.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('relation', 'varchar(16)', (c) => c.notNull())
    .addColumn('since', 'varchar(24)', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_member_pk', ['record_id', 'person_id'])
    .execute();
  await db.schema.createIndex('registry_member_person_idx').on('registry_member').column('person_id').execute();

  await db.schema
    .createTable('registry_record_history')
    .addColumn('record_id', 'varchar(36)', (c) => c.notNull().references('registry_record.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_record_history_pk', ['record_id', 'version'])
    .execute();

  if (await isPostgres(db)) {
    await sql`alter table registry_record alter column path type varchar(255) collate "C"`.execute(db);
    await sql`alter table registry_record alter column name type varchar(100) collate "C"`.execute(db);
  }
}
