// Frozen: never edit a landed migration; add a new one.
// Training (教育培训): sessions organised by the county or a township (kind, topic, when, where,
// trainer, who is invited, the token its QR code carries), their materials (attachments), and
// attendance, one row per session and account, by sign-in sheet or QR code; a QR check-in keeps
// the phone's client key so that a retry lands once. The organiser's path is compared as bytes
// (COLLATE "C" on PostgreSQL, like every path column) so that a scope range is exact.
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
    .createTable('training_session')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('topic', 'varchar(200)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('end_time', 'varchar(5)', (c) => c.notNull())
    .addColumn('place', 'varchar(200)', (c) => c.notNull())
    .addColumn('trainer', 'varchar(100)', (c) => c.notNull())
    .addColumn('organiser_path', 'varchar(255)', (c) => c.notNull())
    // JSON: {roles, orgPaths, departmentIds}.
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('sign_in_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_session_date_idx').on('training_session').columns(['date', 'id']).execute();
  await db.schema
    .createIndex('training_session_organiser_idx')
    .on('training_session')
    .columns(['organiser_path', 'date'])
    .execute();

  await db.schema
    .createTable('training_material')
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('training_session.id').onDelete('cascade'))
    .addColumn('attachment_id', 'varchar(36)', (c) => c.notNull().references('attachment.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_material_pk', ['session_id', 'attachment_id'])
    .execute();
  await db.schema.createIndex('training_material_attachment_idx').on('training_material').column('attachment_id').execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('training_session.id'))
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('how', 'varchar(8)', (c) => c.notNull())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('client_key', 'varchar(64)', (c) => c.unique())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('training_attendance_session_account_uq', ['session_id', 'account_id'])
    .execute();
  await db.schema.createIndex('training_attendance_account_idx').on('training_attendance').column('account_id').execute();

  if (await isPostgres(db)) {
    await sql`alter table training_session alter column organiser_path type varchar(255) collate "C"`.execute(db);
  }
}
