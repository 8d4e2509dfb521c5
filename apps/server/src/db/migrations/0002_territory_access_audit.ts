// Frozen: never edit a landed migration; add a new one.
// Territory (org units down to grids), departments, account security and the audit trail.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('account')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('account').addColumn('locked_until', 'varchar(24)').execute();
  await db.schema.alterTable('account').addColumn('password_changed_at', 'varchar(24)').execute();
  await db.schema.alterTable('account').addColumn('department_id', 'varchar(36)').execute();

  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)', (c) => c.references('org_unit.id'))
    .addColumn('path', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('depth', 'integer', (c) => c.notNull())
    // Grids only: a GeoJSON Polygon and its bounding box, so that finding the grid of a GPS point
    // is an index range scan followed by an exact test on a few candidates.
    .addColumn('boundary', 'text')
    .addColumn('min_lon', 'double precision')
    .addColumn('min_lat', 'double precision')
    .addColumn('max_lon', 'double precision')
    .addColumn('max_lat', 'double precision')
    .addColumn('retired_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_unit_parent_idx').on('org_unit').column('parent_id').execute();
  await db.schema
    .createIndex('org_unit_bbox_idx')
    .on('org_unit')
    .columns(['min_lon', 'max_lon', 'min_lat', 'max_lat'])
    .execute();

  await db.schema
    .createTable('grid_worker')
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('account.id'))
    .addColumn('assigned_at', 'varchar(24)', (c) => c.notNull())
    .addPrimaryKeyConstraint('grid_worker_pk', ['grid_id', 'account_id'])
    .execute();
  await db.schema.createIndex('grid_worker_account_idx').on('grid_worker').column('account_id').execute();

  await db.schema
    .createTable('department')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('org_path', 'varchar(255)', (c) => c.notNull())
    .addColumn('disabled_at', 'varchar(24)')
    .addColumn('created_at', 'varchar(24)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(24)', (c) => c.notNull())
    .addUniqueConstraint('department_name_unique', ['org_path', 'name'])
    .execute();
  await db.schema
    .createTable('department_category')
    .addColumn('department_id', 'varchar(36)', (c) => c.notNull().references('department.id'))
    .addColumn('category_code', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('department_category_pk', ['department_id', 'category_code'])
    .execute();

  // Append-only: the application inserts and reads, never updates or deletes. Each entry hashes
  // the one before it (hash over prev_hash and the canonical entry), so a changed or removed
  // entry breaks the chain at that point.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'varchar(36)', (c) => c.notNull().unique())
    .addColumn('at', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_username', 'varchar(64)')
    .addColumn('actor_role', 'varchar(32)')
    .addColumn('action', 'varchar(48)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(8)', (c) => c.notNull().check(sql`outcome in ('ok', 'denied', 'failed')`))
    .addColumn('object_type', 'varchar(32)')
    .addColumn('object_id', 'varchar(64)')
    .addColumn('org_path', 'varchar(255)')
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'varchar(512)')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('hash_alg', 'varchar(8)', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema
    .createIndex('audit_log_object_idx')
    .on('audit_log')
    .columns(['object_type', 'object_id'])
    .execute();
  await db.schema
    .createIndex('audit_log_action_ip_idx')
    .on('audit_log')
    .columns(['action', 'ip', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'department_category', 'department', 'grid_worker', 'org_unit']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['department_id', 'password_changed_at', 'locked_until', 'failed_sign_ins']) {
    await db.schema.alterTable('account').dropColumn(column).execute();
  }
}
