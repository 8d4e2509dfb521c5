// Small SQL pieces that must read the same on SQLite and PostgreSQL.
import { sql, type Expression, type SqlBool } from 'kysely';

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

export function contains(column: string, text: string): Expression<SqlBool> {
  return likeEscaped(column, `%${escapeLike(text)}%`);
}
