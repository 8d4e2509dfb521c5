// Frozen: never edit a landed migration; add a new one.
// The county's working calendar (its exceptions to "Monday to Friday": public holidays and
// adjusted workdays 调休), and attachments: documents (PDF, Word, Excel, PowerPoint) and images
// that information reports, trainings and checklists carry, stored once per content like photos.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('working_day')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachment')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_uploaded_by_idx').on('attachment').column('uploaded_by').execute();
}
