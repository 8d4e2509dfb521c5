// Small SQL pieces that must read the same on SQLite and PostgreSQL.
import { scopeMatchOf, unitCodesOfPath } from '@gridwork/core';
import { CompiledQuery, sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { Database, Executor } from './schema.js';

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column LIKE pattern ESCAPE '\'`: SQLite has no default escape character, so the ESCAPE clause
 * is what makes an escaped `_` or `%` literal on both databases.
 */
export function likeEscaped(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/** The least string above every string that starts with `prefix` (its last character plus one). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * `column` starts with `prefix`, written as a range (`>= prefix and < prefix'`) so that both
 * databases answer it from the column's B-tree index: SQLite never uses an index for LIKE with an
 * ESCAPE clause, nor for a case-insensitive LIKE. Exact under binary collation, which SQLite uses
 * and migration 0003 gives the path columns on PostgreSQL (COLLATE "C").
 */
export function startsWith(column: string, prefix: string): Expression<SqlBool> {
  if (prefix === '') return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${prefixUpperBound(prefix)})`;
}

/** How many rows of a group meet the condition: `sum(case when … then 1 else 0 end)` (a string on PostgreSQL). */
export function countWhen(condition: Expression<SqlBool>) {
  return sql<string | number>`sum(case when ${condition} then 1 else 0 end)`;
}

export function contains(column: string, text: string): Expression<SqlBool> {
  return likeEscaped(column, `%${escapeLike(text)}%`);
}

/** The code columns that large tables keep beside their path (see unitCodesOfPath in core). */
export interface UnitCodeColumns {
  county_code: string | null;
  township_code: string | null;
  village_code: string | null;
}

export function unitCodeColumns(path: string): UnitCodeColumns {
  const codes = unitCodesOfPath(path);
  return { county_code: codes.countyCode, township_code: codes.townshipCode, village_code: codes.villageCode };
}

/**
 * A row of a large table (with UnitCodeColumns) lies within `scopePath`: an equality on the code
 * of the scope's level, so that `order by id` is read from the (code, id) index without a sort;
 * a grid by its exact path, from the (path, id) index.
 */
export function withinScope(table: string, scopePath: string): Expression<SqlBool> {
  const match = scopeMatchOf(scopePath);
  switch (match.level) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'county':
    case 'township':
    case 'village':
      return sql<SqlBool>`${sql.ref(`${table}.${match.level}_code`)} = ${match.code}`;
    case 'grid':
      return sql<SqlBool>`${sql.ref(`${table}.path`)} = ${match.path}`;
    case 'path':
      return startsWith(`${table}.path`, match.path);
  }
}

/** PostgreSQL takes at most 65 535 parameters in one statement. */
const PG_PARAMETERS = 65_535;

/**
 * Many rows into `table` within a transaction, for bulk work (an import's batch). On SQLite, one
 * single-row statement per row: its text never changes, so it is prepared once and kept, where a
 * multi-row statement is built, compiled and prepared anew for every chunk (and SQLite gains
 * nothing from multi-row inserts within a transaction). On PostgreSQL, multi-row statements, each
 * a round trip, under the parameter bound.
 */
export async function insertMany<T extends keyof Database & string>(db: Executor, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  if (sql`${0}`.compile(db).sql === '?') {
    // A row without a column leaves it to its default, as in Kysely's own inserts.
    const statements = new Map<string, { text: string; columns: string[] }>();
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      const columns = Object.keys(values).filter((column) => values[column] !== undefined);
      const shape = columns.join(',');
      let statement = statements.get(shape);
      if (!statement) {
        statement = { text: `insert into "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`, columns };
        statements.set(shape, statement);
      }
      await db.executeQuery(CompiledQuery.raw(statement.text, statement.columns.map((column) => values[column])));
    }
    return;
  }
  const columns = Object.keys(first);
  // Up to 500 rows a statement: longer ones took PostgreSQL longer per row to parse and plan.
  const perStatement = Math.max(1, Math.min(500, Math.floor(PG_PARAMETERS / columns.length)));
  // The rows were checked against the table's type above; Kysely cannot follow a generic table name.
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (let start = 0; start < rows.length; start += perStatement) {
    await untyped.insertInto(table).values(rows.slice(start, start + perStatement) as Record<string, unknown>[]).execute();
  }
}
