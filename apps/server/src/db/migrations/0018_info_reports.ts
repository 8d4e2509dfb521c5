// Frozen: never edit a landed migration; add a new one.
// Information reports (信息报送): a township's report to the county with its photos and
// attachments (link tables), and the history of every transition (who, when, what note). The
// first submission's Shanghai month is kept beside its instant so that the monthly quota is an
// index lookup; the client key makes a retried create answer the first report.
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
    .createTable('info_report')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('client_key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('township_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    // The township's org path: reports belong to the unit that wrote them.
    .addColumn('path', 'varchar(255)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category', 'varchar(24)', (c) => c.notNull())
    .addColumn('subject_account_id', 'varchar(36)', (c) => c.references('account.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('level', 'varchar(16)')
    .addColumn('submitted_at', 'varchar(24)')
    .addColumn('first_submitted_at', 'varchar(24)')
    .addColumn('first_submitted_month', 'varchar(7)')
    .addColumn('adopted_at', 'varchar(24)')
    .addColumn('returned_note', 'varchar(500)')
    .addColumn('author_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('info_report_path_idx').on('info_report').columns(['path', 'id']).execute();
  await db.schema.createIndex('info_report_status_idx').on('info_report').columns(['status', 'id']).execute();
  await db.schema.createIndex('info_report_month_idx').on('info_report').columns(['first_submitted_month', 'path']).execute();

  await db.schema
    .createTable('info_report_photo')
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('info_report.id'))
    .addColumn('photo_id', 'varchar(64)', (c) => c.notNull().references('photo.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('info_report_photo_pk', ['report_id', 'photo_id'])
    .execute();
  await db.schema.createIndex('info_report_photo_photo_idx').on('info_report_photo').column('photo_id').execute();

  await db.schema
    .createTable('info_report_attachment')
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('info_report.id'))
    .addColumn('attachment_id', 'varchar(36)', (c) => c.notNull().references('attachment.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('info_report_attachment_pk', ['report_id', 'attachment_id'])
    .execute();
  await db.schema.createIndex('info_report_attachment_attachment_idx').on('info_report_attachment').column('attachment_id').execute();

  await db.schema
    .createTable('info_report_history')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('report_id', 'varchar(36)', (c) => c.notNull().references('info_report.id'))
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('level', 'varchar(16)')
    .addColumn('note', 'varchar(500)')
    // The report's version after this entry: a repeated action on the same version finds it.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('info_report_history_report_idx').on('info_report_history').columns(['report_id', 'version']).execute();

  if (await isPostgres(db)) {
    await sql`alter table info_report alter column path type varchar(255) collate "C"`.execute(db);
  }
}
