// Frozen: never edit a landed migration; add a new one.
// A portable spatial index for grids, and path columns that sort byte by byte on PostgreSQL.
//
// grid_cell: each grid is listed under every 0.01° tile (about 1.1 km) its bounding box touches,
// so that finding the grid of a GPS point is one primary-key lookup on the point's tile and an
// exact polygon test on the few grids listed there, the same on SQLite and PostgreSQL.
//
// Scope filters are range scans (`path >= '/511124/' and path < '/5111240'`); on PostgreSQL they
// are exact and use the B-tree only under binary ("C") collation, whatever the database's locale.
import { sql, type Kysely } from 'kysely';

/** The tile of a coordinate: hundredths of a degree, floored. Kept here so the migration stays frozen. */
const tile = (degrees: number) => Math.floor(degrees * 100);

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    // SQLite has no pg_catalog and fails here harmlessly (it runs migrations outside a transaction).
    await sql`select 1 from pg_catalog.pg_type limit 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grid_cell')
    .addColumn('cell', 'varchar(24)', (c) => c.notNull())
    .addColumn('grid_id', 'varchar(36)', (c) => c.notNull().references('org_unit.id'))
    .addPrimaryKeyConstraint('grid_cell_pk', ['cell', 'grid_id'])
    .execute();
  await db.schema.createIndex('grid_cell_grid_idx').on('grid_cell').column('grid_id').execute();

  const grids = await db
    .selectFrom('org_unit')
    .select(['id', 'min_lon', 'min_lat', 'max_lon', 'max_lat'])
    .where('kind', '=', 'grid')
    .where('retired_at', 'is', null)
    .where('min_lon', 'is not', null)
    .execute();
  for (const grid of grids) {
    const cells: { cell: string; grid_id: string }[] = [];
    for (let x = tile(grid.min_lon); x <= tile(grid.max_lon); x += 1) {
      for (let y = tile(grid.min_lat); y <= tile(grid.max_lat); y += 1) cells.push({ cell: `${x}:${y}`, grid_id: grid.id });
    }
    if (cells.length > 0) await db.insertInto('grid_cell').values(cells).execute();
  }

  if (await isPostgres(db)) {
    for (const [table, column] of [
      ['org_unit', 'path'],
      ['account', 'org_path'],
      ['department', 'org_path'],
      ['audit_log', 'org_path'],
    ] as const) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type varchar(255) collate "C"`.execute(db);
    }
  }
}
