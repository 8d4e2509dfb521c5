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

export function startsWith(column: string, prefix: string): Expression<SqlBool> {
  return likeEscaped(column, `${escapeLike(prefix)}%`);
}

export function contains(column: string, text: string): Expression<SqlBool> {
  return likeEscaped(column, `%${escapeLike(text)}%`);
}
