// Frozen: never edit a landed migration; add a new one.
// Imports of the registry's workbooks run as background jobs: the uploaded file waits under the
// data directory, a job row carries its progress and counts (a restart finds and resumes it;
// rows already landed are unchanged the second time), and each refused row is kept with its
// cells and problems, for the workbook of rejected rows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_job')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('file_type', 'varchar(8)', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('bytes_read', 'integer', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'varchar(48)')
    .addColumn('error_details', 'text')
    // The importer's scope and identity: the job writes only there, as them.
    .addColumn('scope_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('actor_ip', 'varchar(64)')
    .addColumn('actor_agent', 'varchar(300)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(24)')
    .addColumn('heartbeat_at', 'varchar(24)')
    .addColumn('finished_at', 'varchar(24)')
    .execute();
  await db.schema.createIndex('import_job_status_idx').on('import_job').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('import_job_creator_idx').on('import_job').columns(['created_by', 'id']).execute();

  await db.schema
    .createTable('import_rejection')
    .addColumn('job_id', 'varchar(36)', (c) => c.notNull().references('import_job.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    // JSON: the row's cells by column key, as read; and its problems [{ column, problem }].
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rejection_pk', ['job_id', 'row_number'])
    .execute();
}
