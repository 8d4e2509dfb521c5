// Frozen: never edit a landed migration; add a new one.
// Publicity (宣传发动) and station standards (阵地建设). A publicity activity belongs to the village
// or township that held it (its path and unit codes, for scope), is never deleted (withdrawn with
// a reason) and keeps every version in its history; its client key makes a retried create
// harmless. Each station inspection is a new dated row with its five items and their photos, so
// the history stays and the latest is the status. Hand-held terminals (手持终端) are a register with
// unique asset codes and IMEIs, their holder, and every hand-over.
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
    .createTable('publicity_activity')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('client_key', 'varchar(64)', (c) => c.notNull().unique())
    // A hash of the create request as sent: a retry matches it, a reuse of the key for something else does not.
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('county_code', 'varchar(6)')
    .addColumn('township_code', 'varchar(9)')
    .addColumn('village_code', 'varchar(12)')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('place', 'varchar(100)', (c) => c.notNull())
    .addColumn('audience', 'integer')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('withdrawn_reason', 'varchar(200)')
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  // The list (newest held first, by scope level) and the monthly counts (by path and day).
  for (const level of ['county', 'township', 'village']) {
    await db.schema.createIndex(`publicity_activity_${level}_idx`).on('publicity_activity').columns([`${level}_code`, 'held_on', 'id']).execute();
  }
  await db.schema.createIndex('publicity_activity_path_idx').on('publicity_activity').columns(['path', 'held_on']).execute();

  await db.schema
    .createTable('publicity_photo')
    .addColumn('activity_id', 'varchar(36)', (c) => c.notNull().references('publicity_activity.id'))
    .addColumn('photo_id', 'varchar(64)', (c) => c.notNull().references('photo.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publicity_photo_pk', ['activity_id', 'photo_id'])
    .execute();
  await db.schema.createIndex('publicity_photo_photo_idx').on('publicity_photo').column('photo_id').execute();

  await db.schema
    .createTable('publicity_history')
    .addColumn('activity_id', 'varchar(36)', (c) => c.notNull().references('publicity_activity.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(12)', (c) => c.notNull())
    .addColumn('changed_by', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('changed_at', 'varchar(24)', (c) => c.notNull())
    // JSON: each changed field as [before, after]; the whole record at creation.
    .addColumn('changes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publicity_history_pk', ['activity_id', 'version'])
    .execute();

  await db.schema
    .createTable('station_inspection')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('checked_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('checked_by', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('client_key', 'varchar(64)', (c) => c.unique())
    .addColumn('request_hash', 'varchar(64)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  // The latest inspection of a unit: by unit, newest day first (several on one day: the last created).
  await db.schema.createIndex('station_inspection_unit_idx').on('station_inspection').columns(['unit_id', 'checked_on', 'created_at']).execute();
  await db.schema.createIndex('station_inspection_path_idx').on('station_inspection').column('path').execute();

  await db.schema
    .createTable('station_inspection_item')
    .addColumn('inspection_id', 'varchar(36)', (c) => c.notNull().references('station_inspection.id'))
    .addColumn('item', 'varchar(12)', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull())
    .addPrimaryKeyConstraint('station_inspection_item_pk', ['inspection_id', 'item'])
    .execute();

  await db.schema
    .createTable('station_inspection_photo')
    .addColumn('inspection_id', 'varchar(36)', (c) => c.notNull().references('station_inspection.id'))
    .addColumn('item', 'varchar(12)', (c) => c.notNull())
    .addColumn('photo_id', 'varchar(64)', (c) => c.notNull().references('photo.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('station_inspection_photo_pk', ['inspection_id', 'item', 'photo_id'])
    .execute();
  await db.schema.createIndex('station_inspection_photo_photo_idx').on('station_inspection_photo').column('photo_id').execute();

  await db.schema
    .createTable('terminal')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('asset_code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('model', 'varchar(60)', (c) => c.notNull())
    .addColumn('imei', 'varchar(15)', (c) => c.notNull().unique())
    .addColumn('phone', 'varchar(11)')
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('holder_id', 'varchar(36)', (c) => c.references('account.id'))
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('client_key', 'varchar(64)', (c) => c.unique())
    .addColumn('request_hash', 'varchar(64)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('terminal_path_idx').on('terminal').columns(['path', 'asset_code']).execute();
  await db.schema.createIndex('terminal_holder_idx').on('terminal').column('holder_id').execute();

  await db.schema
    .createTable('terminal_handover')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('terminal_id', 'varchar(36)', (c) => c.notNull().references('terminal.id'))
    .addColumn('from_holder_id', 'varchar(36)', (c) => c.references('account.id'))
    .addColumn('to_holder_id', 'varchar(36)', (c) => c.references('account.id'))
    .addColumn('handed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(200)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('recorded_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('terminal_handover_terminal_idx').on('terminal_handover').columns(['terminal_id', 'recorded_at']).execute();

  if (await isPostgres(db)) {
    for (const table of ['publicity_activity', 'station_inspection', 'terminal']) {
      await sql`alter table ${sql.table(table)} alter column path type varchar(255) collate "C"`.execute(db);
    }
  }
}
