// Frozen: never edit a landed migration; add a new one.
// Special-population records (特殊人群) and assistance targets (帮扶对象) on a person. A special
// population's category and details are sealed like ID numbers; the category's blind index lets
// lists filter and count by category without decrypting. Records end with a reason, never go.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('special_population')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('category_sealed', 'text', (c) => c.notNull())
    .addColumn('category_index', 'varchar(64)', (c) => c.notNull())
    .addColumn('risk_level', 'varchar(8)', (c) => c.notNull())
    .addColumn('supervising_unit', 'varchar(100)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('end_reason', 'varchar(200)')
    .addColumn('details_sealed', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('special_population_person_idx').on('special_population').column('person_id').execute();
  await db.schema.createIndex('special_population_category_idx').on('special_population').columns(['category_index', 'id']).execute();

  await db.schema
    .createTable('assistance_record')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('measures', 'varchar(1000)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('end_reason', 'varchar(200)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assistance_record_person_idx').on('assistance_record').column('person_id').execute();
  await db.schema.createIndex('assistance_record_kind_idx').on('assistance_record').columns(['kind', 'id']).execute();
}
