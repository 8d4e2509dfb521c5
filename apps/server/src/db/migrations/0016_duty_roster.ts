// Frozen: never edit a landed migration; add a new one.
// The duty roster (值班表) of the county center and the township sub-centers: each unit's slots,
// who is on duty which day in which slot (with the check-in), and the lapses the daily check finds
// (nobody on the roster, nobody checked in), one per unit and day, which the assessment reads.
// Unit paths are compared as bytes on PostgreSQL too (COLLATE "C", like every other path column),
// so the scope prefix ranges of sql-helpers' startsWith are exact there.
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
    .createTable('duty_unit_setting')
    .addColumn('unit_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slots', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duty_entry')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot', 'varchar(20)', (c) => c.notNull())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('checked_in_at', 'varchar(24)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_entry_person_uq').on('duty_entry').columns(['unit_id', 'date', 'slot', 'account_id']).unique().execute();
  await db.schema.createIndex('duty_entry_account_date_idx').on('duty_entry').columns(['account_id', 'date']).execute();
  await db.schema.createIndex('duty_entry_path_date_idx').on('duty_entry').columns(['unit_path', 'date']).execute();

  await db.schema
    .createTable('duty_lapse')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('unit_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_lapse_unit_date_uq').on('duty_lapse').columns(['unit_id', 'date']).unique().execute();
  await db.schema.createIndex('duty_lapse_path_date_idx').on('duty_lapse').columns(['unit_path', 'date']).execute();

  if (await isPostgres(db)) {
    await sql`alter table duty_entry alter column unit_path type varchar(255) collate "C"`.execute(db);
    await sql`alter table duty_lapse alter column unit_path type varchar(255) collate "C"`.execute(db);
  }
}
