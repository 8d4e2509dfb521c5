// Frozen: never edit a landed migration; add a new one.
// The daily login and sign-for check (每天定时登录签收): one row per unit (township sub-center,
// village, department) per day, written by the scheduled check at the cut-off and stamped when
// the county chases the unit. The unique key makes a rerun, or a second server, write nothing twice.
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
    .createTable('daily_unit_check')
    .addColumn('unit_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    // The unit's name and path as they were that day: a renamed village keeps its history.
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('accounts', 'integer', (c) => c.notNull())
    .addColumn('logged_in', 'integer', (c) => c.notNull())
    .addColumn('first_sign_in_at', 'varchar(24)')
    .addColumn('waiting_count', 'integer', (c) => c.notNull())
    .addColumn('late_signed_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    // The instant the figures describe: the day's cut-off once the check has run, earlier when a
    // unit was chased before it. A day is done when its rows describe its cut-off.
    .addColumn('as_of', 'varchar(24)', (c) => c.notNull())
    .addColumn('checked_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('notified_at', 'varchar(24)')
    .addColumn('notified_by', 'varchar(36)')
    // What the unit was told and how many accounts heard it: a second click within minutes answers it again.
    .addColumn('notice_text', 'varchar(500)')
    .addColumn('notice_recipients', 'integer')
    .addPrimaryKeyConstraint('daily_unit_check_pk', ['unit_kind', 'unit_id', 'date'])
    .execute();
  // Scopes read the path as a byte range (sql-helpers startsWith): binary collation, as migration 0003 gives every path column.
  if (await isPostgres(db)) await sql`alter table daily_unit_check alter column path type varchar(255) collate "C"`.execute(db);
  // One row per checked day, written with its results: the day is done, whatever cut-off the county
  // sets later (a later cut-off must not judge last week again, nor drop a day from the month).
  await db.schema
    .createTable('daily_check_run')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('cutoff', 'varchar(5)', (c) => c.notNull())
    .addColumn('as_of', 'varchar(24)', (c) => c.notNull())
    .addColumn('units', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('daily_unit_check_date_idx').on('daily_unit_check').columns(['date', 'path']).execute();
  // The check reads the sign-fors of a day and the events still open at a past moment.
  await db.schema.createIndex('event_timeline_action_at_idx').on('event_timeline').columns(['action', 'at']).execute();
  await db.schema.createIndex('event_closed_at_idx').on('event').column('closed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_closed_at_idx').execute();
  await db.schema.dropIndex('event_timeline_action_at_idx').execute();
  await db.schema.dropTable('daily_check_run').execute();
  await db.schema.dropTable('daily_unit_check').execute();
}
